import { z } from 'zod';
import { idSchema } from '#lib/domain/library-schemas.ts';
import { requireUser } from '#lib/server/auth/guards.ts';
import { listNotices, markAllNoticesRead, markNoticeRead } from '#lib/server/notify/notices.ts';
import { getDb } from '#lib/server/platform/runtime.ts';
import { runFormAction } from '#lib/server/web/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { notices: await listNotices(getDb(), user) };
};

export const actions: Actions = {
	read: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, z.object({ noticeId: idSchema }), 'read', async ({ noticeId }) => {
			await markNoticeRead(getDb(), user, noticeId);
			return {};
		});
	},
	readAll: async (event) => {
		const user = requireUser(event);
		return runFormAction(event.request, z.object({}), 'readAll', async () => {
			await markAllNoticesRead(getDb(), user);
			return {};
		});
	}
};
