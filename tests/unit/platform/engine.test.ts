import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from '../../../src/lib/server/platform/engine/numbered-placeholders';
import { readPostgresSettings } from '../../../src/lib/server/platform/engine/postgres';
import { databaseLocation } from '../../../src/lib/server/platform/runtime';

describe('choosing the engine', () => {
	it('runs on PostgreSQL with a postgres:// DATABASE_URL, else on the SQLite file', () => {
		const url = 'postgres://app:secret@db.internal:5432/panelist';
		expect(databaseLocation({ DATABASE_URL: url, DATABASE_PATH: '/var/x.db' })).toBe(url);
		expect(databaseLocation({ DATABASE_PATH: '/var/x.db' })).toBe('/var/x.db');
		expect(databaseLocation({})).toBe('./data/panelist.db');
	});

	it('refuses another kind of URL without echoing its password', () => {
		expect(() => databaseLocation({ DATABASE_URL: 'mysql://app:secret@db/p' })).toThrow(
			/must be a postgres:\/\/ URL/
		);
		expect(() => databaseLocation({ DATABASE_URL: 'mysql://app:secret@db/p' })).not.toThrow(/secret/);
	});

	it('sizes the pool by DATABASE_POOL_MAX, 10 by default, and refuses nonsense', () => {
		const url = 'postgres://localhost/p';
		expect(readPostgresSettings(url, {})).toMatchObject({ poolMax: 10, statementTimeoutMs: 30_000 });
		expect(readPostgresSettings(url, { DATABASE_POOL_MAX: '25' }).poolMax).toBe(25);
		for (const bad of ['0', '-1', 'ten', '2.5']) {
			expect(() => readPostgresSettings(url, { DATABASE_POOL_MAX: bad })).toThrow(/DATABASE_POOL_MAX/);
		}
	});
});

describe('numbering placeholders for PostgreSQL', () => {
	it('numbers each ? in order, leaving quoted text and identifiers alone', () => {
		expect(numberPlaceholders(`update t set a = ?, b = '?' where "c?" = ? and d in (?, ?)`)).toBe(
			`update t set a = $1, b = '?' where "c?" = $2 and d in ($3, $4)`
		);
	});

	it('drops SQLite’s unary-plus plan hint but keeps an addition', () => {
		expect(numberPlaceholders('where session.id = +? and n = m + ?')).toBe(
			'where session.id = $1 and n = m + $2'
		);
	});
});
