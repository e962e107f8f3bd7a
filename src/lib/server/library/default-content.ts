// The competency library, question bank and loop templates that ship with Panelist
// (docs/design.md, Scales). Seeded once into a fresh instance; admins may edit everything afterwards.

import type { CompetencyKind, RoundFormat, VisibilityMode } from '../../domain/library';

export interface DefaultCompetency {
	key: string;
	name: string;
	kind: CompetencyKind;
	description: string;
	/** Levels 1 to 4: Significant gaps, Below the bar, Meets the bar, Exceeds the bar. */
	anchors: [string, string, string, string];
}

export interface DefaultQuestion {
	key: string;
	/** Keys of the competencies this question assesses (one or two). */
	competencies: string[];
	prompt: string;
	probes: string[];
	goodLooksLike: string;
	redFlags: string;
}

export interface DefaultTemplateRound {
	title: string;
	kind: CompetencyKind;
	format: RoundFormat;
	durationMinutes: number;
	/** Focus competency keys, at least one. */
	competencies: string[];
	/** Question keys, at least one, each linked to one of the round’s competencies. */
	questions: string[];
}

export interface DefaultTemplate {
	name: string;
	description: string;
	visibilityMode: VisibilityMode;
	rounds: DefaultTemplateRound[];
}

export const defaultCompetencies: DefaultCompetency[] = [
	// Technical
	{
		key: 'coding',
		name: 'Coding',
		kind: 'technical',
		description:
			'Turning a problem into working, readable code: choosing suitable data structures, handling edge ' +
			'cases and checking the result with tests or careful tracing.',
		anchors: [
			'Could not produce working code for the main case even with hints; the code was disorganised and ' +
				'the candidate did not test or trace it.',
			'Reached a partly working solution only with substantial hints; missed obvious edge cases and found ' +
				'bugs only when the interviewer pointed them out.',
			'Wrote a correct, readable solution with clear names and structure, covered the main edge cases, and ' +
				'traced or tested it without being prompted.',
			'Wrote clean, well-factored code quickly, explained why they chose each data structure, wrote ' +
				'targeted tests, and adapted the code smoothly when the requirements changed.'
		]
	},
	{
		key: 'system-design',
		name: 'System design',
		kind: 'technical',
		description:
			'Designing scalable, efficient systems: clarifying requirements, estimating load, modelling the data, ' +
			'choosing components and explaining the trade-offs between them.',
		anchors: [
			'Jumped straight to a list of technologies without clarifying requirements; there was no coherent data ' +
				'model and they could not explain how a request flows through the system.',
			'Produced a workable high-level design, but with little sizing and a vague data model; bottlenecks ' +
				'and failure modes came up only when the interviewer pointed at them.',
			'Clarified requirements and rough load, proposed a coherent design with a fitting data model, found ' +
				'the main bottleneck, and explained the trade-offs of the key choices.',
			'Drove the discussion with numbers, compared storage and consistency options, planned for failure, ' +
				'growth and day-to-day operation, and reworked the design cleanly when constraints changed.'
		]
	},
	{
		key: 'problem-solving',
		name: 'Problem solving',
		kind: 'technical',
		description:
			'How the candidate approaches an unfamiliar problem: breaking it down, finding an algorithm, reasoning ' +
			'about complexity and optimising a first solution.',
		anchors: [
			'Could not break the problem down or propose any workable approach, not even a brute-force one; ' +
				'their reasoning stayed unclear and did not improve with hints.',
			'Found a brute-force approach but could not state its complexity, and improved on it only after the ' +
				'interviewer supplied the key insight.',
			'Worked through examples, stated a correct approach with its time and space complexity, and then ' +
				'found a meaningful optimisation with little help.',
			'Structured the problem quickly, compared several approaches by complexity, reached an efficient ' +
				'solution on their own, and extended it to a harder variant.'
		]
	},
	{
		key: 'technical-knowledge',
		name: 'Technical knowledge',
		kind: 'technical',
		description:
			'Depth in the tools and platforms the role uses, such as containers, APIs, databases and cloud ' +
			'services: how they work underneath, where their limits are and how to run them in production.',
		anchors: [
			'Knew the tools only by name; could not describe how they work or how they had used them, and some ' +
				'answers were factually wrong.',
			'Described everyday use correctly but could not explain what happens underneath, or diagnose a ' +
				'problem beyond the obvious first step.',
			'Explained how the main tools work internally, gave real examples of running them in production, and ' +
				'reasoned correctly about their limits and failure modes.',
			'Explained internals and edge cases precisely, compared alternatives from first-hand experience, and ' +
				'shared operational lessons that others could apply directly.'
		]
	},
	{
		key: 'code-reading-debugging',
		name: 'Code reading and debugging',
		kind: 'technical',
		description:
			'Understanding unfamiliar code quickly, spotting defects and risks, and finding the cause of a bug ' +
			'methodically through hypotheses, evidence and tests.',
		anchors: [
			'Could not explain what the code does; guessed at the cause of the bug at random and did not form or ' +
				'test any hypothesis.',
			'Followed the main path of the code but missed the defect or patched a symptom; debugging relied on ' +
				'trial and error rather than evidence.',
			'Read the code accurately, narrowed the bug down with clear hypotheses and checks, fixed the root ' +
				'cause, and proposed a test that would catch a regression.',
			'Found the root cause quickly along with related hidden issues, explained why existing tests missed ' +
				'it, and proposed changes that make the whole class of bug less likely.'
		]
	},

	// Leadership
	{
		key: 'team-management',
		name: 'Team management',
		kind: 'leadership',
		description:
			'Running a team day to day: delegating work to the right people, resolving conflicts, and meeting ' +
			'deadlines without burning people out.',
		anchors: [
			'Could not give a real example of delegating or handling conflict; either did the work alone or left ' +
				'problems to sort themselves out.',
			'Gave examples of handing out tasks or stepping into a conflict, but did not match work to people, ' +
				'follow up, or reach a lasting resolution.',
			'Delegated deliberately by skill and growth, resolved a conflict through direct conversations with ' +
				'those involved, and met a deadline by adjusting scope or staffing with the team.',
			'Described a repeatable approach: clear ownership with agreed check-ins, conflict addressed early at ' +
				'its cause, and a team that kept delivering under pressure without people leaving.'
		]
	},
	{
		key: 'project-delivery',
		name: 'Project delivery',
		kind: 'leadership',
		description:
			'Planning work, tracking progress, handling delays and controlling risk, so that projects land when ' +
			'promised or are re-planned honestly and early.',
		anchors: [
			'Could not describe how a project they led was planned or tracked; delays were discovered late and ' +
				'explained away as bad luck.',
			'Made a plan and tracked tasks, but dealt with risks only once they had hit, and stakeholders learned ' +
				'about slips late.',
			'Broke the work into milestones, tracked progress with clear signals, spotted a delay early, and ' +
				're-planned scope or sequence with stakeholders before the date was missed.',
			'Tackled the riskiest unknowns first, coordinated delivery across several teams, and showed with ' +
				'dates and numbers that their projects landed predictably.'
		]
	},
	{
		key: 'communication',
		name: 'Communication',
		kind: 'leadership',
		description:
			'Explaining technical ideas clearly, including to non-technical people, with a clear structure, the ' +
			'right level of detail and attention to whether the listener understood.',
		anchors: [
			'Answers were hard to follow and full of jargon; could not explain a technical idea in plain terms ' +
				'even when asked to simplify.',
			'Got the main point across, but the structure rambled or the detail was uneven; adjusted to the ' +
				'audience only when prompted.',
			'Led with the point and gave structured answers, explained a technical idea in plain language with a ' +
				'fitting example, and checked that the listener understood.',
			'Tailored the message to each audience without prompting, gave an example where their explanation ' +
				'changed a decision, and answered follow-ups crisply.'
		]
	},
	{
		key: 'vision-and-strategy',
		name: 'Vision and strategy',
		kind: 'leadership',
		description:
			'Tying business aims to an engineering roadmap, prioritising by impact over effort, and balancing new ' +
			'work against reliability and technical health.',
		anchors: [
			'Could not connect their team’s work to business goals; priorities were set by whoever asked loudest ' +
				'or by personal interest.',
			'Described a roadmap, but its link to business aims was loose and prioritisation did not weigh impact ' +
				'against effort or reliability.',
			'Built a roadmap from stated business goals, prioritised with explicit impact-versus-effort reasoning, ' +
				'and set aside capacity for reliability work with a clear rationale.',
			'Set a multi-quarter direction that other teams adopted, made the innovation-versus-reliability ' +
				'trade-offs visible to leadership, and showed how the strategy moved business results.'
		]
	},
	{
		key: 'decision-making-under-pressure',
		name: 'Decision-making under pressure',
		kind: 'leadership',
		description:
			'Making sound calls under time pressure or uncertainty: weighing trade-offs, reasoning from the ' +
			'information available, and owning the outcome.',
		anchors: [
			'Avoided the decision or waited until events made it; could not explain the reasoning behind a call, ' +
				'or blamed others for how it turned out.',
			'Made the call eventually, with little explicit reasoning about options or risks, and did not revisit ' +
				'it when new information arrived.',
			'Laid out the options and trade-offs, decided in time with the information available, communicated ' +
				'the decision clearly, and owned its consequences.',
			'Made a high-stakes call quickly with sound reasoning, set checkpoints to revisit it, and described ' +
				'what the outcome taught them and how they now decide differently.'
		]
	},
	{
		key: 'metrics-and-outcomes',
		name: 'Metrics and outcomes',
		kind: 'leadership',
		description:
			'Steering work with leading indicators such as cycle time, defect rate, time to restore and customer ' +
			'satisfaction, setting ambitious but honest targets, and avoiding metric gaming.',
		anchors: [
			'Could not name any metric they used, or judged success by activity such as hours worked or tickets ' +
				'closed.',
			'Tracked some metrics, but mostly lagging ones; set targets without a baseline, or did not see how a ' +
				'target could be gamed.',
			'Chose leading indicators tied to the goal, set targets from a baseline, acted on what the numbers ' +
				'showed, and paired measures to guard against gaming.',
			'Built a measurement habit that other teams adopted, used data to change a significant decision, and ' +
				'caught and replaced a metric that was driving the wrong behaviour.'
		]
	},
	{
		key: 'people-development',
		name: 'People development',
		kind: 'leadership',
		description:
			'Growing people through mentoring, clear feedback and stretch goals, preparing successors, and making ' +
			'sure everyone on the team can contribute fully.',
		anchors: [
			'Could not give an example of helping someone grow; feedback was avoided or saved for the annual ' +
				'review.',
			'Gave feedback and mentoring when asked, but without specific goals or follow-up, and could not point ' +
				'to growth they enabled.',
			'Described specific feedback they gave and a stretch goal they set and supported, and named people ' +
				'who grew or were promoted as a result.',
			'Developed people who now lead teams or could succeed them, made concrete changes that made the team ' +
				'more inclusive, and handled hard performance feedback fairly to a clear outcome.'
		]
	},
	{
		key: 'stakeholder-management',
		name: 'Stakeholder management and influence',
		kind: 'leadership',
		description:
			'Negotiating across product, design and delivery, keeping trust when interests conflict, influencing ' +
			'without authority, and escalating only when needed.',
		anchors: [
			'Described stakeholders as obstacles; disagreements were won or lost rather than resolved, or ' +
				'escalated at the first sign of friction.',
			'Kept stakeholders informed, but gave in or dug in rather than negotiating, and relationships suffered ' +
				'after disagreements.',
			'Understood each party’s interests, negotiated a trade-off all sides accepted, kept trust through ' +
				'regular updates, and escalated only after direct attempts had failed.',
			'Influenced senior people without formal authority, turned a strained relationship into a productive ' +
				'one, and escalated rarely, presenting both sides fairly when they did.'
		]
	},
	{
		key: 'business-translation',
		name: 'Business translation',
		kind: 'leadership',
		description:
			'Justifying technical investment in business terms: estimating cost and return, and explaining the ' +
			'trade-off between speed now and maintainability later.',
		anchors: [
			'Argued for technical work only in technical terms such as code quality, and could not estimate any ' +
				'cost or benefit.',
			'Mentioned business value in general terms but gave no figures, and did not weigh speed against ' +
				'maintainability explicitly.',
			'Framed a technical investment with estimated cost, expected return and the risk of not doing it, and ' +
				'explained the speed-versus-maintainability trade-off in plain terms.',
			'Won funding for significant technical work with a business case that held up afterwards, and ' +
				'repeatedly helped non-technical leaders make informed trade-offs.'
		]
	},
	{
		key: 'ownership-and-resilience',
		name: 'Ownership and resilience',
		kind: 'leadership',
		description:
			'Taking responsibility for results including failures, learning and recovering after setbacks, and ' +
			'acting ethically when it is inconvenient.',
		anchors: [
			'Could not describe a failure of their own, or blamed other people and circumstances; showed no ' +
				'learning from setbacks.',
			'Admitted a failure but described it vaguely, took limited personal responsibility, and made few ' +
				'concrete changes afterwards.',
			'Described a real failure candidly, including their own part, what they did to recover, and a ' +
				'specific change they made that prevented a repeat.',
			'Owned a significant failure openly, led the recovery and a blameless review that changed team ' +
				'practice, and gave an example of doing the right thing at a personal cost.'
		]
	}
];

export const defaultQuestions: DefaultQuestion[] = [
	// Coding
	{
		key: 'coding-rate-limiter',
		competencies: ['coding'],
		prompt:
			'Implement a rate limiter with a method allow(userId, timestamp) that returns true if the user has ' +
			'made fewer than N allowed requests in the last W seconds, and false otherwise. Start with the ' +
			'simplest correct version, then improve it.',
		probes: [
			'What happens at the exact boundary of the window?',
			'How much memory does your solution use per user, and can you bound it?',
			'Which tests would you write first, and why those?',
			'What would change if several servers shared the limit?'
		],
		goodLooksLike:
			'Writes a correct sliding-window solution, for example a queue of timestamps or bucketed counters per ' +
			'user, with clear names. Tests the window boundary and discusses cleaning up idle users.',
		redFlags:
			'Cannot get the basic case working, or uses a fixed window without noticing the burst it allows at ' +
			'the boundary. Declares the code done without tracing or testing it.'
	},
	{
		key: 'coding-free-slots',
		competencies: ['coding'],
		prompt:
			'Given a person’s bookings for one day as a list of start and end times, write a function that ' +
			'returns every free slot of at least a given length within working hours. The bookings are not ' +
			'sorted and may overlap.',
		probes: [
			'How do you handle bookings that overlap or touch?',
			'What is the time complexity of your approach?',
			'How did you choose your test cases?',
			'How would you extend this to find slots when several people are all free?'
		],
		goodLooksLike:
			'Sorts and merges the bookings, then walks the gaps, clipping them to working hours. Handles empty ' +
			'input, touching bookings and bookings outside working hours, and tests those cases.',
		redFlags:
			'Compares every booking with every other without a plan, or misses overlapping bookings. Leaves ' +
			'off-by-one errors at the start or end of the day unnoticed.'
	},
	{
		key: 'coding-slow-endpoints',
		competencies: ['coding'],
		prompt:
			'Write a function that reads lines from a web server access log and returns the ten endpoints with ' +
			'the highest 95th percentile response time. Some lines are malformed.',
		probes: [
			'What do you do with malformed lines: skip them, count them or fail?',
			'How do you compute the percentile, and what does your choice cost?',
			'How would the code change if the log did not fit in memory?',
			'How have you structured the code so that it is easy to test?'
		],
		goodLooksLike:
			'Separates parsing, grouping and ranking into small functions, handles malformed lines explicitly and ' +
			'computes the percentile correctly. Can explain an approximate approach for very large logs.',
		redFlags:
			'Writes one long function that mixes parsing and maths, or crashes on the first bad line. Uses the ' +
			'mean and calls it a percentile.'
	},

	// System design
	{
		key: 'design-notification-service',
		competencies: ['system-design'],
		prompt:
			'Design a service that other teams call to send notifications by email, push and SMS to 50 million ' +
			'users, respecting each user’s preferences and quiet hours, and reporting whether each message was ' +
			'delivered.',
		probes: [
			'What load do you expect at peak, and how did you estimate it?',
			'How do you avoid sending the same notification twice?',
			'What happens when an email or SMS provider is down for an hour?',
			'How would you store preferences and delivery status?',
			'Which part would you build first, and why?'
		],
		goodLooksLike:
			'Clarifies volumes and latency needs, puts a queue between intake and sending, and uses idempotency ' +
			'keys and retries with back-off. Models preferences and delivery status separately and explains the ' +
			'trade-offs.',
		redFlags:
			'Sends synchronously from the calling request with no queue or retries. Cannot say what happens when ' +
			'a provider fails, or ignores duplicates entirely.'
	},
	{
		key: 'design-ticket-booking',
		competencies: ['system-design'],
		prompt:
			'Design a ticketing system for concerts where popular events sell out within minutes and no seat may ' +
			'ever be sold twice. Buyers choose a seat, hold it while paying, and lose it if they do not pay in time.',
		probes: [
			'How do you guarantee a seat is never sold twice?',
			'How do seat holds expire, and what happens if a payment succeeds after the hold expired?',
			'How does the design cope with a sudden spike of a hundred times normal traffic?',
			'What data model would you use for events, seats and orders?'
		],
		goodLooksLike:
			'Identifies seat reservation as the consistency-critical path and protects it with a transaction, ' +
			'conditional update or lock with expiry. Absorbs spikes with a waiting room or queue and caches the ' +
			'read-heavy parts.',
		redFlags:
			'Relies on checking availability and then writing, with nothing to stop two buyers in between. ' +
			'Proposes scaling everything the same way without finding the hot spot.'
	},
	{
		key: 'design-usage-analytics',
		competencies: ['system-design'],
		prompt:
			'Design a system that collects usage events from mobile apps, stores them, and lets product teams ' +
			'query daily active users and conversion funnels with results no more than an hour old.',
		probes: [
			'How do events get from the phone to storage when the phone is offline?',
			'How would you model and partition the stored events?',
			'How do you handle late and duplicate events?',
			'What would you precompute, and what would you leave to query time?',
			'How would you keep storage costs under control as volume grows?'
		],
		goodLooksLike:
			'Batches events on the device, ingests through a durable log, and stores them in a columnar, ' +
			'time-partitioned layout. Deduplicates by event ID and is explicit about what is precomputed.',
		redFlags:
			'Writes every event straight into a single relational table without considering volume. Ignores ' +
			'offline devices, duplicates or the one-hour freshness requirement.'
	},

	// Problem solving
	{
		key: 'problem-build-order',
		competencies: ['problem-solving'],
		prompt:
			'You are given build tasks, each with a duration and a list of tasks it depends on. With unlimited ' +
			'parallel workers, work out the shortest time to finish everything, and report an error if the ' +
			'dependencies contain a cycle.',
		probes: [
			'Can you walk through a small example by hand before coding?',
			'How do you detect the cycle, and what would you report to the user?',
			'What is the complexity of your approach?',
			'How would the answer change if there were only two workers?'
		],
		goodLooksLike:
			'Recognises a graph problem, uses a topological order to compute earliest finish times, and detects ' +
			'cycles along the way. Sees that a limited number of workers makes the problem much harder.',
		redFlags:
			'Tries orderings at random or sums all durations. Cannot explain how the approach would detect a ' +
			'cycle.'
	},
	{
		key: 'problem-typo-search',
		competencies: ['problem-solving'],
		prompt:
			'Given a list of two million product names, suggest the closest matches for a misspelt search term as ' +
			'the user types. Start from a simple approach and work towards one fast enough to answer within 50 ' +
			'milliseconds.',
		probes: [
			'How do you measure how close two words are?',
			'What does your simple approach cost per keystroke?',
			'How could you avoid comparing against every product name?',
			'What trade-offs does your faster approach make in quality or memory?'
		],
		goodLooksLike:
			'Defines a distance such as edit distance, estimates the cost of a full scan, then narrows the ' +
			'candidates with a prefix tree, n-gram index or similar. Reasons clearly about speed versus quality.',
		redFlags:
			'Cannot define what closest means, or proposes a full scan and stops there. Cannot estimate the cost ' +
			'of any approach.'
	},
	{
		key: 'problem-split-jobs',
		competencies: ['problem-solving'],
		prompt:
			'A list of jobs with known durations must be split across k machines, keeping the jobs in their given ' +
			'order so that each machine takes a consecutive run. Minimise the time at which the last machine ' +
			'finishes.',
		probes: [
			'What is a brute-force solution, and how slow is it?',
			'If I give you a time limit, can you check whether it is achievable?',
			'How can that check lead to an efficient solution?',
			'What changes if the jobs may be reordered freely?'
		],
		goodLooksLike:
			'Moves from brute force to a greedy feasibility check and a binary search over the answer, or to ' +
			'dynamic programming, with correct complexity. Recognises that free reordering needs heuristics.',
		redFlags:
			'Cannot produce any correct solution, even a slow one. Claims an approach is optimal without being ' +
			'able to justify it.'
	},

	// Technical knowledge
	{
		key: 'knowledge-containers',
		competencies: ['technical-knowledge'],
		prompt:
			'Take a containerised service you have run in production. Walk me through what happens from building ' +
			'the image to the process serving traffic: layers, isolation, resource limits and health checks.',
		probes: [
			'What actually isolates one container from another on the same host?',
			'What happens when the container exceeds its memory limit?',
			'How did you keep images small and secure?',
			'How did your health checks decide when to restart or stop sending traffic?'
		],
		goodLooksLike:
			'Explains layers and caching, namespaces and control groups, and the difference between liveness and ' +
			'readiness, using examples from their own service. Knows what happens when limits are hit.',
		redFlags:
			'Describes containers as lightweight virtual machines and cannot go further. Has only copied ' +
			'configuration without understanding it.'
	},
	{
		key: 'knowledge-http-api',
		competencies: ['technical-knowledge'],
		prompt:
			'Describe an HTTP API you built that other teams or customers depend on. How did you handle ' +
			'versioning, pagination, errors, authentication and retries that could repeat a request?',
		probes: [
			'How did you make a breaking change without breaking clients?',
			'Which pagination approach did you use, and what were its drawbacks?',
			'How do you make a POST request safe to retry?',
			'How did clients learn what went wrong from your error responses?'
		],
		goodLooksLike:
			'Gives concrete choices with reasons, such as cursor pagination, idempotency keys and a consistent ' +
			'error format. Describes how a real breaking change was rolled out and what they learned.',
		redFlags:
			'Cannot say how clients handle retries or errors. Talks only in general terms with no API of their ' +
			'own to describe.'
	},
	{
		key: 'knowledge-database',
		competencies: ['technical-knowledge'],
		prompt:
			'Pick a database you have used in production. Explain how it handles indexes, transactions and ' +
			'concurrent writes, and describe a performance problem you diagnosed with it.',
		probes: [
			'How did you find the slow query, and what did the query plan show?',
			'Which isolation level did you rely on, and what anomalies does it allow?',
			'When would you not add an index?',
			'What did you change, and how much did it help?'
		],
		goodLooksLike:
			'Explains index structures, isolation levels and locking accurately for their database, and ' +
			'diagnoses the problem from evidence such as query plans. Quantifies the improvement.',
		redFlags:
			'Says the fix was to add an index without knowing why it helped. Confuses isolation levels or ' +
			'cannot describe any concurrency problem.'
	},

	// Code reading and debugging
	{
		key: 'debug-stale-cache',
		competencies: ['code-reading-debugging'],
		prompt:
			'Read this 40-line caching wrapper around a settings endpoint, which keeps responses for five minutes. ' +
			'Users report sometimes seeing another account’s settings. Explain what the code does, then find and ' +
			'fix the bug. (The cache key is built from the request path without the query string.)',
		probes: [
			'Before changing anything, what are your hypotheses?',
			'How would you confirm the cause rather than guess it?',
			'Why did the existing tests not catch this?',
			'Beyond the fix, what would you change so this cannot happen again?'
		],
		goodLooksLike:
			'Reads the code aloud accurately, traces two requests for different users through the cache, and ' +
			'finds that the key ignores the query string. Fixes the key and adds a test with two users.',
		redFlags:
			'Suggests turning the cache off or shortening the expiry without finding the cause. Changes code at ' +
			'random and cannot explain why the fix works.'
	},
	{
		key: 'debug-flaky-total',
		competencies: ['code-reading-debugging'],
		prompt:
			'A test that checks an order total passes locally but fails about one run in twenty in CI. The code ' +
			'splits the order lines across worker threads, and each worker adds its subtotal to a shared total. ' +
			'Read the code, explain the failure and fix it.',
		probes: [
			'Why would this fail only sometimes, and more often in CI?',
			'How could you reproduce the failure reliably?',
			'What are the options for fixing it, and which would you choose?',
			'Is parallelism worth having here at all?'
		],
		goodLooksLike:
			'Spots the unsynchronised read-modify-write on the shared total and explains the race. Fixes it by ' +
			'combining per-worker results or using an atomic update, and questions whether threads are needed.',
		redFlags: 'Retries the test or adds a sleep. Blames the CI environment without reading the code closely.'
	},
	{
		key: 'debug-pagination-review',
		competencies: ['code-reading-debugging'],
		prompt:
			'Review this 80-line pull request that adds pagination to a list endpoint. Leave the comments you ' +
			'would post, in order of importance. (It contains an off-by-one page offset, an unbounded page size ' +
			'and no test for the last page.)',
		probes: [
			'Which comment would block the merge, and which are suggestions?',
			'What input would show the offset bug?',
			'What could a client do with an unbounded page size?',
			'How would you word the comment to the author?'
		],
		goodLooksLike:
			'Finds the offset bug by working through a concrete page, flags the unbounded page size as a risk, ' +
			'and asks for tests at the edges. Separates blocking issues from style, and words comments ' +
			'constructively.',
		redFlags:
			'Comments only on formatting or naming and misses the defects. Writes comments that are vague or ' +
			'dismissive of the author.'
	},

	// Team management
	{
		key: 'team-delegation',
		competencies: ['team-management'],
		prompt:
			'Tell me about a time when you delegated an important piece of work that you could have done faster ' +
			'yourself.',
		probes: [
			'Why did you choose that person?',
			'What did you agree up front about the outcome and how you would check in?',
			'What did you personally do when it started to go differently from how you would have done it?',
			'What was the result, for the work and for the person?'
		],
		goodLooksLike:
			'Chose the person deliberately for skill or growth, agreed the outcome and check-ins, and resisted ' +
			'taking the work back. Can describe both the delivery result and how the person developed.',
		redFlags:
			'Delegated only unwanted tasks, or took the work back at the first problem. Cannot say what happened ' +
			'to the person or the work afterwards.'
	},
	{
		key: 'team-conflict',
		competencies: ['team-management'],
		prompt:
			'Describe a specific situation where two people on your team were in conflict and it was affecting ' +
			'the work.',
		probes: [
			'How did you first notice, and how long had it been going on?',
			'What did you personally say or do, and in what order?',
			'How did you make sure you understood both sides?',
			'What changed afterwards, and how did you know it had lasted?'
		],
		goodLooksLike:
			'Acted early, spoke to each person and then together, and focused on the work and behaviour rather ' +
			'than blame. Can point to a lasting change in how the two worked together.',
		redFlags:
			'Ignored the conflict until it escalated, or decided who was right without hearing both sides. ' +
			'Describes a resolution that lasted only a few days.'
	},
	{
		key: 'team-deadline',
		competencies: ['team-management'],
		prompt:
			'Tell me about a time when your team was at risk of missing an important deadline. What did you do?',
		probes: [
			'When did you realise the deadline was at risk, and how?',
			'What options did you consider, and why did you choose the one you did?',
			'How did you protect the team from burning out?',
			'Did you meet the deadline, and what did it cost?'
		],
		goodLooksLike:
			'Spotted the risk early, involved the team in choosing between cutting scope, adding help or moving ' +
			'the date, and kept working hours sustainable. Is honest about the outcome and its cost.',
		redFlags:
			'Relied on the team working nights and weekends as the plan. Took all the credit, or blamed the team ' +
			'for the risk.'
	},

	// Project delivery
	{
		key: 'delivery-slipped-project',
		competencies: ['project-delivery'],
		prompt:
			'Tell me about a project you led that fell behind schedule. How did you find out, and what did you do?',
		probes: [
			'What signals told you it was slipping, and how early?',
			'What did you personally change in the plan?',
			'How and when did you tell stakeholders?',
			'How late did it land compared with the original date, and what would you do differently?'
		],
		goodLooksLike:
			'Had tracking that showed the slip early, re-planned scope or sequence, and told stakeholders before ' +
			'the date was at risk. Gives the actual outcome and a concrete lesson.',
		redFlags:
			'Found out at the deadline, or hid the slip until it could not be hidden. Attributes the delay ' +
			'entirely to others.'
	},
	{
		key: 'delivery-planning',
		competencies: ['project-delivery'],
		prompt:
			'Describe a specific project where you planned a large piece of work from scratch. How did you break ' +
			'it down and track it?',
		probes: [
			'How did you break the work into milestones?',
			'How did you estimate, and how accurate were the estimates in the end?',
			'What did you track week to week, and who saw it?',
			'What did you deliver first, and why?'
		],
		goodLooksLike:
			'Broke the work into milestones that each delivered something usable, estimated with ranges, and ' +
			'tracked progress visibly. Compares the plan with what actually happened.',
		redFlags: 'Made a single big plan with no checkpoints. Cannot say how accurate the plan turned out to be.'
	},
	{
		key: 'delivery-risk',
		competencies: ['project-delivery'],
		prompt: 'Tell me about a time when you spotted a major risk to a project before it became a problem.',
		probes: [
			'How did you identify the risk?',
			'What did you personally do to reduce it, and when?',
			'Who did you involve, and why them?',
			'What would have happened if you had not acted, and how do you know?'
		],
		goodLooksLike:
			'Looked for risks deliberately, for example by prototyping the riskiest part early, and acted before ' +
			'the risk hit. Can estimate the impact avoided.',
		redFlags:
			'Describes only risks that had already become problems. Identified the risk but left it for someone ' +
			'else to handle.'
	},

	// Communication
	{
		key: 'comm-explain-non-technical',
		competencies: ['communication'],
		prompt:
			'Tell me about a time when you had to explain a complex technical problem or decision to someone ' +
			'without a technical background.',
		probes: [
			'Who was the audience, and what did they need to decide or do?',
			'How did you structure the explanation, and what did you leave out?',
			'How did you check that they had understood?',
			'What happened as a result?'
		],
		goodLooksLike:
			'Started from what the audience needed, used plain language and an apt comparison, and checked ' +
			'understanding. The explanation led to a clear decision or action.',
		redFlags:
			'Blames the audience for not understanding. Cannot explain the same problem in plain terms in the ' +
			'interview.'
	},
	{
		key: 'comm-written-influence',
		competencies: ['communication'],
		prompt:
			'Describe a specific situation where something you wrote, such as a design document, proposal or ' +
			'incident report, changed what people did.',
		probes: [
			'Who was it written for, and how did that shape its structure?',
			'What did you put first, and why?',
			'What feedback did you get, and what did you change?',
			'What did readers do differently afterwards?'
		],
		goodLooksLike:
			'Wrote for a specific reader, led with the conclusion or ask, and revised based on feedback. Can ' +
			'name the concrete change the document caused.',
		redFlags:
			'Cannot recall anything they wrote that had an effect. Describes long documents that nobody read.'
	},
	{
		key: 'comm-misunderstanding',
		competencies: ['communication'],
		prompt:
			'Tell me about a time when a misunderstanding you were part of caused a problem. What happened, and ' +
			'what did you change?',
		probes: [
			'Where exactly did the misunderstanding start?',
			'What was your part in it?',
			'What did you do to put it right?',
			'What do you now do differently, and has it worked?'
		],
		goodLooksLike:
			'Traces the misunderstanding to its source, owns their part in it, and describes a specific change ' +
			'in how they communicate, with evidence that it helped.',
		redFlags:
			'Places all the blame on the other party. Draws no lesson, or only a generic one such as to ' +
			'communicate more.'
	},

	// Vision and strategy
	{
		key: 'strategy-roadmap',
		competencies: ['vision-and-strategy'],
		prompt: 'Tell me about a time when you turned business goals into an engineering roadmap.',
		probes: [
			'What were the business goals, and where did they come from?',
			'How did you decide what went on the roadmap and what did not?',
			'Who did you involve, and how did you get agreement?',
			'How did you measure whether the roadmap delivered on the goals?'
		],
		goodLooksLike:
			'Starts from explicit business goals, shows how each roadmap item served them, and explains what was ' +
			'left out and why. Can point to results against the goals.',
		redFlags:
			'The roadmap was a list of technical wishes or requests. Cannot explain how it connected to the ' +
			'business.'
	},
	{
		key: 'strategy-prioritisation',
		competencies: ['vision-and-strategy'],
		prompt:
			'Describe a specific situation where you had several valuable projects competing for your team but ' +
			'capacity for only some of them.',
		probes: [
			'How did you compare impact and effort?',
			'What did you personally decide, and what did you say no to?',
			'How did you explain the decision to those who lost out?',
			'Looking back, was it the right choice, and how do you know?'
		],
		goodLooksLike:
			'Compared options explicitly on impact and effort, made a clear choice, and explained it to those ' +
			'affected. Reviews the outcome honestly.',
		redFlags:
			'Tried to do everything at once, or chose by gut feeling or the loudest voice. Cannot say what they ' +
			'turned down.'
	},
	{
		key: 'strategy-innovation-reliability',
		competencies: ['vision-and-strategy'],
		prompt:
			'Tell me about a time when you had to balance building new features against improving reliability or ' +
			'paying down technical debt.',
		probes: [
			'What told you reliability or technical debt needed attention?',
			'How did you decide how much capacity to give each?',
			'How did you get buy-in from product and leadership?',
			'What happened to reliability and to feature delivery afterwards?'
		],
		goodLooksLike:
			'Used evidence such as incident rates or slowing delivery to size the problem, agreed an explicit ' +
			'split of capacity, and shows the effect on both reliability and features.',
		redFlags:
			'Treats reliability and features as all-or-nothing. Cannot show any effect of the choice they made.'
	},

	// Decision-making under pressure
	{
		key: 'decision-incident-call',
		competencies: ['decision-making-under-pressure'],
		prompt:
			'Tell me about a time when you had to make an important call during an incident or outage with ' +
			'incomplete information.',
		probes: [
			'What options did you have, and what did you know at the time?',
			'How did you decide, and how long did it take?',
			'How did you communicate the decision, and to whom?',
			'What was the outcome, and would you make the same call again?'
		],
		goodLooksLike:
			'Stated the options and risks clearly, made a timely call such as rolling back, and communicated it. ' +
			'Owns the outcome and reflects on it honestly.',
		redFlags:
			'Waited for certainty while the impact grew, or cannot explain why they chose as they did. Shifts ' +
			'responsibility for the call to others.'
	},
	{
		key: 'decision-contested',
		competencies: ['decision-making-under-pressure'],
		prompt:
			'Describe a specific situation where you made a decision under a tight deadline that some people ' +
			'disagreed with.',
		probes: [
			'What were the trade-offs?',
			'How did you take the disagreement into account?',
			'What did you do once the decision was made?',
			'What was the result, and what did those who disagreed say afterwards?'
		],
		goodLooksLike:
			'Heard the objections, weighed them against the deadline, decided, and explained the reasoning. ' +
			'Kept the team together afterwards and checked the outcome.',
		redFlags:
			'Overrode people without listening, or let the deadline pass to avoid conflict. Cannot state the ' +
			'trade-offs involved.'
	},
	{
		key: 'decision-wrong-call',
		competencies: ['decision-making-under-pressure'],
		prompt: 'Tell me about a time when a decision you made under pressure turned out to be wrong.',
		probes: [
			'What did you know when you made it?',
			'When and how did you realise it was wrong?',
			'What did you personally do next?',
			'How has it changed the way you make decisions?'
		],
		goodLooksLike:
			'Separates a sound process from a bad outcome, corrected course quickly, and describes a concrete ' +
			'change in how they decide.',
		redFlags:
			'Cannot name a wrong decision, or blames the information they were given. Took no corrective ' +
			'action.'
	},

	// Metrics and outcomes
	{
		key: 'metrics-find-problem',
		competencies: ['metrics-and-outcomes'],
		prompt:
			'Tell me about a time when you used metrics to find and fix a problem in how your team delivered ' +
			'software.',
		probes: [
			'Which metrics did you look at, and why those?',
			'What did the numbers show, and what did you do about it?',
			'How did you involve the team in interpreting the data?',
			'How did the numbers move afterwards, and over what period?'
		],
		goodLooksLike:
			'Used leading indicators such as cycle time, defect rate or time to restore, found a specific cause, ' +
			'and acted on it. Shows the before and after numbers.',
		redFlags:
			'Relies on impressions rather than data, or uses output measures such as lines of code. Cannot say ' +
			'whether anything improved.'
	},
	{
		key: 'metrics-set-target',
		competencies: ['metrics-and-outcomes'],
		prompt:
			'Describe a specific situation where you set a target for your team. How did you choose it, and how ' +
			'did it turn out?',
		probes: [
			'What was the baseline?',
			'How did you make the target ambitious but realistic?',
			'How did you track progress, and who saw it?',
			'Did you hit it, and what did you do if not?'
		],
		goodLooksLike:
			'Started from a measured baseline, set a stretching but honest target, and reported progress openly. ' +
			'Discusses a miss as candidly as a success.',
		redFlags:
			'Set targets with no baseline, or moved the target to claim success. Cannot say whether the target ' +
			'was met.'
	},
	{
		key: 'metrics-gaming',
		competencies: ['metrics-and-outcomes'],
		prompt:
			'Tell me about a time when a metric was encouraging the wrong behaviour. How did you notice, and what ' +
			'did you do?',
		probes: [
			'What behaviour was the metric driving?',
			'How did you spot it?',
			'What did you replace or add, and why?',
			'What changed afterwards?'
		],
		goodLooksLike:
			'Noticed the gap between the number and the real outcome, changed or paired the metric, and spoke ' +
			'openly with the team about it. Shows that behaviour improved.',
		redFlags: 'Has never questioned a metric, or punished people for gaming instead of fixing the incentive.'
	},

	// People development
	{
		key: 'people-growth',
		competencies: ['people-development'],
		prompt: 'Tell me about someone whose growth you significantly helped. What was your part?',
		probes: [
			'Where did they start, and what did they want to achieve?',
			'What stretch goal did you set, and how did you support it?',
			'What feedback did you give along the way?',
			'Where are they now, and could they take over part of your role?'
		],
		goodLooksLike:
			'Describes a specific plan with stretch goals, regular feedback and support, and a concrete result ' +
			'such as a promotion or a new responsibility. Thinks about succession.',
		redFlags:
			'Takes credit for growth they did not influence. Describes only general encouragement with no goals ' +
			'or follow-up.'
	},
	{
		key: 'people-hard-feedback',
		competencies: ['people-development'],
		prompt:
			'Describe a specific situation where you had to give someone difficult feedback about their ' +
			'performance or behaviour.',
		probes: [
			'How did you prepare?',
			'What exactly did you say?',
			'How did they react, and how did you respond?',
			'What changed afterwards, and how did you follow up?'
		],
		goodLooksLike:
			'Gave feedback promptly, based on specific observed behaviour and its impact, agreed next steps, and ' +
			'followed up. Treated the person with respect throughout.',
		redFlags: 'Put the conversation off for months, or delivered it vaguely or harshly. Did not follow up.'
	},
	{
		key: 'people-inclusion',
		competencies: ['people-development'],
		prompt:
			'Tell me about a time when you changed how your team worked so that everyone could contribute fully.',
		probes: [
			'What did you notice that made you act?',
			'What did you change, specifically?',
			'How did you know whose voices were not being heard?',
			'What was the effect, and how did you measure it?'
		],
		goodLooksLike:
			'Noticed a concrete pattern, such as the same people always speaking in meetings or getting the best ' +
			'projects, and made a specific change. Checked its effect.',
		redFlags: 'Speaks about inclusion only in general terms, or has never noticed an imbalance in their team.'
	},

	// Stakeholder management and influence
	{
		key: 'stakeholder-negotiation',
		competencies: ['stakeholder-management'],
		prompt:
			'Tell me about a time when product, design and engineering wanted different things and you had to ' +
			'find a way forward.',
		probes: [
			'What did each party want, and why?',
			'What did you personally propose?',
			'What did you give up, and what did you hold firm on?',
			'How was the relationship afterwards?'
		],
		goodLooksLike:
			'Understood each party’s underlying interests, proposed a trade-off that addressed them, and kept ' +
			'the relationships intact. Can describe the outcome for all sides.',
		redFlags:
			'Frames the story as engineering winning. Gave in entirely to avoid conflict, or escalated straight ' +
			'away.'
	},
	{
		key: 'stakeholder-rebuild-trust',
		competencies: ['stakeholder-management'],
		prompt:
			'Describe a specific situation where you had to rebuild trust with a stakeholder after something went ' +
			'wrong.',
		probes: [
			'What went wrong, and how did it affect them?',
			'What did you personally do first?',
			'How did you keep them informed afterwards?',
			'How did you know trust had been restored?'
		],
		goodLooksLike:
			'Acknowledged the problem directly, made and kept specific commitments, and communicated regularly. ' +
			'Has evidence that the relationship recovered.',
		redFlags:
			'Defends their team without acknowledging the impact. Relies on a single apology with no follow-up.'
	},
	{
		key: 'stakeholder-escalation',
		competencies: ['stakeholder-management'],
		prompt: 'Tell me about a time when you decided to escalate a disagreement, or decided not to.',
		probes: [
			'What had you tried before considering escalation?',
			'How did you decide whether to escalate?',
			'How did you present the situation, and did you include the other side’s view?',
			'What was the outcome for the decision and for the relationship?'
		],
		goodLooksLike:
			'Escalated only after direct attempts failed, told the other party first, and framed both positions ' +
			'fairly. The relationship survived.',
		redFlags: 'Escalates by default or behind people’s backs. Describes escalation as a way to win.'
	},

	// Business translation
	{
		key: 'business-case',
		competencies: ['business-translation'],
		prompt:
			'Tell me about a time when you persuaded non-technical leaders to fund technical work that would not ' +
			'produce visible features.',
		probes: [
			'How did you estimate the cost and the expected return?',
			'What would have happened if the work had not been done?',
			'What questions did the leaders ask, and how did you answer?',
			'Did the work deliver the return you promised?'
		],
		goodLooksLike:
			'Built a case in business terms such as cost, revenue, risk or speed of delivery, with rough figures. ' +
			'Followed up afterwards to show whether it paid off.',
		redFlags:
			'Argued only that the code was bad or the technology was old. Has no idea whether the investment ' +
			'paid off.'
	},
	{
		key: 'business-speed-maintainability',
		competencies: ['business-translation'],
		prompt:
			'Describe a specific situation where you had to choose between shipping quickly and building ' +
			'something maintainable. How did you explain the trade-off?',
		probes: [
			'What was the business pressure to ship quickly?',
			'How did you put the cost of the shortcut into terms others could weigh?',
			'What did you decide, and who agreed?',
			'What did the choice cost or save later?'
		],
		goodLooksLike:
			'Made the trade-off explicit in business terms, agreed the choice with the business, and planned how ' +
			'to repay any shortcut. Reports what happened later.',
		redFlags:
			'Always insists on the maintainable option regardless of context, or always ships fast with no plan ' +
			'for the debt.'
	},
	{
		key: 'business-cost-reduction',
		competencies: ['business-translation'],
		prompt:
			'Tell me about a time when you reduced the cost of running a system or process. How did you measure ' +
			'the cost and the return?',
		probes: [
			'How did you find where the money was going?',
			'What did you change, and what did the change cost?',
			'How did you present the result, and to whom?',
			'What were the savings over a year?'
		],
		goodLooksLike:
			'Measured the cost before and after, weighed the effort against the saving, and reported the result ' +
			'in money or time saved.',
		redFlags: 'Cannot give any figures. Cut costs in a way that shifted them elsewhere without noticing.'
	},

	// Ownership and resilience
	{
		key: 'ownership-failure',
		competencies: ['ownership-and-resilience'],
		prompt: 'Tell me about a time when something you were responsible for failed.',
		probes: [
			'What was your own part in the failure?',
			'What did you do in the first hours and days?',
			'What changed afterwards, in your work or the team’s?',
			'How do you know the change worked?'
		],
		goodLooksLike:
			'Describes a real failure candidly, names their own part without excessive self-blame, and led a ' +
			'recovery. Points to a lasting change in practice.',
		redFlags: 'Offers a disguised success, or blames others and circumstances. Cannot say what they learned.'
	},
	{
		key: 'ownership-setback',
		competencies: ['ownership-and-resilience'],
		prompt: 'Describe a specific situation where you faced a serious setback and had to keep going.',
		probes: [
			'What made it a serious setback for you?',
			'What did you personally do to keep things moving?',
			'Where did you get support, and who did you support?',
			'What was the outcome, and what would you do differently?'
		],
		goodLooksLike:
			'Stayed constructive, adapted the plan, and kept others going as well as themselves. Can describe ' +
			'the outcome and a lesson they now apply.',
		redFlags: 'Gave up or disengaged, or describes pushing on alone without adapting. Shows no reflection.'
	},
	{
		key: 'ownership-ethics',
		competencies: ['ownership-and-resilience'],
		prompt:
			'Tell me about a time when you were asked, or tempted, to do something you thought was wrong. What ' +
			'did you do?',
		probes: [
			'What exactly was being asked, and by whom?',
			'What options did you see?',
			'What did you do, and what did it cost you?',
			'How did it turn out?'
		],
		goodLooksLike:
			'Recognised the issue, raised it openly with the right people, and acted on their principles even at ' +
			'a cost. Handled it without drama or self-righteousness.',
		redFlags:
			'Went along with it without question, or cannot see why it was a problem. Describes the situation ' +
			'mainly to criticise others.'
	}
];

export const defaultTemplates: DefaultTemplate[] = [
	{
		name: 'Senior Software Engineer',
		description:
			'A five-round loop for senior individual contributors, weighing hands-on engineering depth alongside ' +
			'ownership, delivery and collaboration.',
		visibilityMode: 'after_own',
		rounds: [
			{
				title: 'Coding',
				kind: 'technical',
				format: 'coding',
				durationMinutes: 60,
				competencies: ['coding', 'problem-solving'],
				questions: ['coding-rate-limiter', 'problem-build-order']
			},
			{
				title: 'System design',
				kind: 'technical',
				format: 'system_design',
				durationMinutes: 60,
				competencies: ['system-design', 'communication'],
				questions: ['design-notification-service', 'design-ticket-booking']
			},
			{
				title: 'Code reading and debugging',
				kind: 'technical',
				format: 'code_review',
				durationMinutes: 45,
				competencies: ['code-reading-debugging', 'coding', 'problem-solving'],
				questions: ['debug-stale-cache', 'debug-flaky-total']
			},
			{
				title: 'Ownership and communication',
				kind: 'leadership',
				format: 'behavioural',
				durationMinutes: 45,
				competencies: ['ownership-and-resilience', 'communication'],
				questions: ['ownership-failure', 'comm-explain-non-technical', 'ownership-setback']
			},
			{
				title: 'Delivery and collaboration',
				kind: 'leadership',
				format: 'behavioural',
				durationMinutes: 45,
				competencies: ['project-delivery', 'stakeholder-management', 'ownership-and-resilience'],
				questions: ['delivery-slipped-project', 'stakeholder-negotiation', 'delivery-risk']
			}
		]
	},
	{
		name: 'Engineering Manager',
		description:
			'A six-round loop for engineering managers, checking enough technical depth to guide design ' +
			'decisions and the leadership to build, grow and steer a team.',
		visibilityMode: 'after_all',
		rounds: [
			{
				title: 'System design discussion',
				kind: 'technical',
				format: 'system_design',
				durationMinutes: 60,
				competencies: ['system-design', 'communication'],
				questions: ['design-usage-analytics', 'design-ticket-booking']
			},
			{
				title: 'Technical depth',
				kind: 'technical',
				format: 'technical_knowledge',
				durationMinutes: 45,
				competencies: ['technical-knowledge', 'business-translation'],
				questions: ['knowledge-http-api', 'knowledge-database', 'business-speed-maintainability']
			},
			{
				title: 'Team leadership and people development',
				kind: 'leadership',
				format: 'behavioural',
				durationMinutes: 60,
				competencies: ['team-management', 'people-development'],
				questions: ['team-conflict', 'people-growth', 'people-hard-feedback']
			},
			{
				title: 'Delivery and metrics',
				kind: 'leadership',
				format: 'behavioural',
				durationMinutes: 45,
				competencies: ['project-delivery', 'metrics-and-outcomes', 'team-management'],
				questions: ['delivery-slipped-project', 'metrics-find-problem', 'team-deadline']
			},
			{
				title: 'Strategy presentation',
				kind: 'leadership',
				format: 'presentation',
				durationMinutes: 60,
				competencies: ['vision-and-strategy', 'business-translation', 'metrics-and-outcomes'],
				questions: ['strategy-roadmap', 'strategy-innovation-reliability', 'business-case']
			},
			{
				title: 'Stakeholders and decisions',
				kind: 'leadership',
				format: 'situational',
				durationMinutes: 45,
				competencies: ['stakeholder-management', 'decision-making-under-pressure', 'communication'],
				questions: ['stakeholder-negotiation', 'decision-incident-call', 'stakeholder-escalation']
			}
		]
	}
];
