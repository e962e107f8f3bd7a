// Preloaded into a CLI run by bench/transfer.ts (`node --import`): on exit, writes the
// process's peak resident memory, in kilobytes, to the file named by BENCH_PEAK_FILE.
import fs from 'node:fs';

process.on('exit', () => {
	if (process.env.BENCH_PEAK_FILE)
		fs.writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
