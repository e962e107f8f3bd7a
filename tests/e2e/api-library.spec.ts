import { randomUUID } from 'node:crypto';
import { ApiContract, clientFor } from './support/api';
import { expect, test } from './support/fixtures';

let contract: ApiContract;
test.beforeAll(async ({ request }) => {
	contract = await ApiContract.load(request);
});

const anchors = {
	1: 'Cannot start without heavy help.',
	2: 'Gets part of the way with hints.',
	3: 'Solves it with clear reasoning.',
	4: 'Solves it and teaches us something.'
};

test('hiring staff create, read, revise and archive competencies; interviewers may not', async ({
	request,
	seed
}) => {
	const recruiter = await clientFor(request, contract, seed, await seed.user('recruiter'));
	const name = `Debugging ${randomUUID().slice(0, 6)}`;
	const created = await recruiter.post('/competencies', {
		name,
		kind: 'technical',
		description: 'Finding the cause of a failure.',
		anchors
	});
	expect(created.status).toBe(201);
	expect(created.body).toMatchObject({ name, kind: 'technical', revision: 1, archived: false, anchors });
	const id = created.body.id as string;
	expect(id).toMatch(/^\d+$/);

	const listed = await recruiter.get<{ competencies: { id: string }[] }>('/competencies', {
		query: { kind: 'technical' }
	});
	expect(listed.body.competencies.map((c) => c.id)).toContain(id);

	const revised = await recruiter.patch(
		'/competencies/{id}',
		{ anchors: { 3: 'Finds the cause and proves it.' } },
		{
			params: { id }
		}
	);
	expect(revised.status).toBe(200);
	expect(revised.body).toMatchObject({
		revision: 2,
		name,
		anchors: { ...anchors, 3: 'Finds the cause and proves it.' }
	});
	expect((revised.body.revisions as unknown[]).length).toBe(2);

	const archived = await recruiter.patch('/competencies/{id}', { archived: true }, { params: { id } });
	expect(archived.body).toMatchObject({ archived: true, revision: 2 });
	const active = await recruiter.get<{ competencies: { id: string }[] }>('/competencies');
	expect(active.body.competencies.map((c) => c.id)).not.toContain(id);
	const all = await recruiter.get<{ competencies: { id: string }[] }>('/competencies', {
		query: { includeArchived: 'true' }
	});
	expect(all.body.competencies.map((c) => c.id)).toContain(id);

	const interviewer = await clientFor(request, contract, seed, await seed.user('interviewer'));
	expect((await interviewer.get('/competencies')).status).toBe(403);
	expect((await interviewer.post('/competencies', { name: 'x', kind: 'technical' })).status).toBe(403);
	expect((await interviewer.get('/competencies/{id}', { params: { id } })).status).toBe(403);
	expect(
		(await interviewer.patch('/competencies/{id}', { archived: false }, { params: { id } })).status
	).toBe(403);
	expect((await recruiter.get('/competencies/{id}', { params: { id } })).body.archived).toBe(true);
});

test('invalid competencies are refused with every problem and its path, changing nothing', async ({
	request,
	seed
}) => {
	const admin = await clientFor(request, contract, seed, await seed.user('admin'));
	const before = (
		await admin.get<{ competencies: unknown[] }>('/competencies', { query: { includeArchived: 'true' } })
	).body.competencies.length;
	const bad = await admin.post('/competencies', {
		name: ' ',
		kind: 'social',
		description: 'x'.repeat(1001),
		anchors: { 1: 'a', 2: 'b', 3: '' }
	});
	expect(bad.status).toBe(422);
	expect(bad.body.issues).toEqual(
		expect.arrayContaining([
			{ path: 'name', message: 'Enter a name' },
			{ path: 'kind', message: 'Choose technical or leadership' },
			{ path: 'description', message: 'A description: use at most 1000 characters' },
			{ path: 'anchors.3', message: 'Enter what earns a 3 (meets the bar)' },
			{ path: 'anchors.4', message: 'This field is required' }
		])
	);
	const duplicate = await admin.post('/competencies', {
		name: 'coding',
		kind: 'technical',
		description: 'Again.',
		anchors
	});
	expect(duplicate.status).toBe(422);
	expect(duplicate.body.issues).toEqual([
		{ path: 'name', message: 'A competency with this name already exists' }
	]);
	const wrongQuery = await admin.get('/competencies', { query: { includeArchived: 'maybe' } });
	expect(wrongQuery.status).toBe(422);
	expect(wrongQuery.body.issues).toEqual([{ path: 'query.includeArchived', message: 'Use true or false' }]);
	const after = (
		await admin.get<{ competencies: unknown[] }>('/competencies', { query: { includeArchived: 'true' } })
	).body.competencies.length;
	expect(after).toBe(before);
});

test('questions are added to the bank and found by competency', async ({ request, seed }) => {
	const recruiter = await clientFor(request, contract, seed, await seed.user('recruiter'));
	const { body } = await recruiter.get<{ competencies: { id: string; name: string }[] }>('/competencies');
	const coding = body.competencies.find((c) => c.name === 'Coding')!;
	const prompt = `Walk me through a bug you chased (${randomUUID().slice(0, 6)})`;
	const created = await recruiter.post('/questions', {
		prompt,
		probes: ['How did you find it?', 'What would you do differently?'],
		goodLooksLike: 'A clear story from symptom to cause.',
		competencyIds: [coding.id]
	});
	expect(created.status).toBe(201);
	expect(created.body).toMatchObject({
		prompt,
		probes: ['How did you find it?', 'What would you do differently?'],
		redFlags: '',
		competencies: [{ id: coding.id, name: 'Coding', kind: 'technical' }]
	});
	const found = await recruiter.get<{ questions: { prompt: string }[] }>('/questions', {
		query: { competencyId: coding.id }
	});
	expect(found.body.questions.map((q) => q.prompt)).toContain(prompt);

	const bad = await recruiter.post('/questions', {
		prompt: 'Why?',
		goodLooksLike: 'Reasons.',
		competencyIds: [12]
	});
	expect(bad.status).toBe(422);
	expect(bad.body.issues).toEqual([
		{ path: 'competencyIds.0', message: 'Give the id as a string, like "12"' }
	]);
	const unknown = await recruiter.post('/questions', {
		prompt: 'Why?',
		goodLooksLike: 'Reasons.',
		competencyIds: ['999999']
	});
	expect(unknown.status).toBe(422);
	expect(unknown.body.issues).toEqual([{ path: 'competencyIds', message: expect.any(String) }]);
});

test('a template is created with its rounds in one call, all or nothing', async ({ request, seed }) => {
	const recruiter = await clientFor(request, contract, seed, await seed.user('recruiter'));
	const { body } = await recruiter.get<{ competencies: { id: string; name: string }[] }>('/competencies');
	const id = (name: string) => body.competencies.find((c) => c.name === name)!.id;
	const name = `Staff Engineer ${randomUUID().slice(0, 6)}`;
	const template = {
		name,
		visibilityMode: 'after_all',
		evidenceRule: 'required',
		rounds: [
			{
				title: 'Coding',
				kind: 'technical',
				format: 'coding',
				durationMinutes: 60,
				competencyIds: [id('Coding')]
			},
			{
				title: 'Leading through change',
				kind: 'leadership',
				format: 'behavioural',
				durationMinutes: 45,
				competencyIds: [id('Communication')]
			}
		]
	};
	const created = await recruiter.post('/templates', template);
	expect(created.status).toBe(201);
	expect(created.body).toMatchObject({
		name,
		visibilityMode: 'after_all',
		technicalRounds: 1,
		leadershipRounds: 1
	});
	const rounds = created.body.rounds as { title: string; competencies: { name: string }[] }[];
	expect(rounds.map((r) => [r.title, r.competencies.map((c) => c.name)])).toEqual([
		['Coding', ['Coding']],
		['Leading through change', ['Communication']]
	]);
	const read = await recruiter.get('/templates/{id}', { params: { id: created.body.id as string } });
	expect(read.body).toEqual(created.body);
	const listed = await recruiter.get<{ templates: { name: string }[] }>('/templates');
	expect(listed.body.templates.map((t) => t.name)).toContain(name);

	const broken = await recruiter.post('/templates', {
		...template,
		name: `${name} bis`,
		rounds: [template.rounds[0], { ...template.rounds[1], competencyIds: ['999999'] }]
	});
	expect(broken.status).toBe(422);
	expect(broken.body.issues).toEqual([{ path: 'rounds.1.competencyIds', message: expect.any(String) }]);
	const again = await recruiter.get<{ templates: { name: string }[] }>('/templates');
	expect(again.body.templates.map((t) => t.name)).not.toContain(`${name} bis`);
});

test('admins list and add users; nobody else may', async ({ request, seed }) => {
	const admin = await clientFor(request, contract, seed, await seed.user('admin'));
	const email = `api-${randomUUID().slice(0, 8)}@e2e.example.com`;
	const created = await admin.post('/users', {
		email: email.toUpperCase(),
		name: 'Ada Script',
		role: 'interviewer',
		password: 'a long enough passphrase'
	});
	expect(created.status).toBe(201);
	expect(created.body).toMatchObject({ email, name: 'Ada Script', role: 'interviewer', active: true });
	const listed = await admin.get<{ users: { email: string }[] }>('/users');
	expect(listed.body.users.map((u) => u.email)).toContain(email);

	const duplicate = await admin.post('/users', {
		email,
		name: 'Ada Again',
		role: 'interviewer',
		password: 'a long enough passphrase'
	});
	expect(duplicate.status).toBe(422);
	expect(duplicate.body.issues).toEqual([
		{ path: 'email', message: 'A user with this email already exists' }
	]);
	const weak = await admin.post('/users', {
		email: `weak-${email}`,
		name: 'Weak',
		role: 'admin',
		password: 'password123'
	});
	expect(weak.status).toBe(422);
	expect((weak.body.issues as { path: string }[])[0]!.path).toBe('password');

	for (const role of ['recruiter', 'interviewer'] as const) {
		const other = await clientFor(request, contract, seed, await seed.user(role));
		expect((await other.get('/users')).status).toBe(403);
		const refused = await other.post('/users', {
			email: `no-${randomUUID().slice(0, 8)}@e2e.example.com`,
			name: 'No',
			role: 'admin',
			password: 'a long enough passphrase'
		});
		expect(refused.status).toBe(403);
	}
});
