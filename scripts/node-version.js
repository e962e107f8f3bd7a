// Panelist runs on Node.js 24 or later (package.json "engines", decision 016). The entry
// points check this first, before they load anything that an older Node cannot run (the
// build, better-sqlite3, tsx), so an older Node gets one line saying so instead of a crash.
import process from 'node:process';

export const minimumNodeMajor = 24;

/**
 * @param {string} version a Node.js version such as "20.20.2"
 * @returns {string | null} why Panelist cannot run on it, or null when it can
 */
export function nodeVersionProblem(version) {
	if (Number(version.split('.')[0]) >= minimumNodeMajor) return null;
	return `Panelist needs Node.js ${minimumNodeMajor} or later, and this is Node.js ${version}: see "Prerequisites" in README.md for how to get it.`;
}

/** Stops here, with that line on stderr and exit code 1, on an older Node. */
export function refuseOldNode() {
	const problem = nodeVersionProblem(process.versions.node);
	if (problem === null) return;
	console.error(problem);
	process.exit(1);
}
