var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/cli/main.ts
import { parseArgs } from "node:util";

// src/cli/commands.ts
import fs2 from "node:fs";
import { z as z5 } from "zod";

// src/lib/domain/account-schemas.ts
import { z } from "zod";

// src/lib/domain/roles.ts
var roles = ["admin", "recruiter", "interviewer"];

// src/lib/domain/account-schemas.ts
var passwordMinLength = 10;
var passwordMaxLength = 256;
var emailSchema = z.string().trim().toLowerCase().min(1, "Enter an email address").max(254, "Use at most 254 characters").pipe(z.email({ error: "Enter a valid email address, like name@example.com" }));
var personNameSchema = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");
var newPasswordSchema = z.string().min(passwordMinLength, `Use at least ${passwordMinLength} characters`).max(passwordMaxLength, `Use at most ${passwordMaxLength} characters`);
var roleSchema = z.enum(roles, { error: "Choose a role: admin, recruiter or interviewer" });
function confirmMatches(value) {
  return value.password === value.confirmPassword;
}
var confirmError = { path: ["confirmPassword"], error: "The two passwords do not match" };
var setupSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  confirmPassword: z.string()
}).refine(confirmMatches, confirmError);
var loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(254),
  password: z.string().min(1, "Enter your password").max(passwordMaxLength)
});
var inviteSchema = z.object({
  email: emailSchema,
  role: roleSchema
});
var acceptInviteSchema = z.object({
  name: personNameSchema,
  password: newPasswordSchema,
  confirmPassword: z.string()
}).refine(confirmMatches, confirmError);
var changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(passwordMaxLength),
  password: newPasswordSchema,
  confirmPassword: z.string()
}).refine(confirmMatches, confirmError);
var changeRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: roleSchema
});
var userIdSchema = z.object({ userId: z.coerce.number().int().positive() });

// src/lib/domain/validation.ts
import { z as z2 } from "zod";
z2.config({
  customError: (issue) => issue.code === "invalid_type" && issue.input === void 0 ? "This field is required" : void 0
});
function issuesToFieldErrors(issues) {
  const errors = {};
  for (const issue of issues) {
    const key2 = issue.path.length ? issue.path.join(".") : "form";
    errors[key2] ??= issue.message;
  }
  return errors;
}

// src/lib/server/auth/secret-token.ts
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
var alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
function generateSecureRandomString() {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const byte of bytes) out += alphabet[byte >> 3];
  return out;
}
function hashSecret(secret) {
  return sha256(new TextEncoder().encode(secret));
}
function issueToken(prefix = "") {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  return { id, secretHash: hashSecret(secret), token: `${prefix}${id}.${secret}` };
}

// src/lib/server/audit.ts
async function recordAudit(db, entry, now = Date.now()) {
  await db.insertInto("auditEvent").values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    before: entry.before === void 0 ? null : JSON.stringify(entry.before),
    after: entry.after === void 0 ? null : JSON.stringify(entry.after),
    at: now
  }).execute();
}

// src/lib/server/api-tokens.ts
var apiTokenPrefix = "pnl_";
async function createApiToken(db, userId, name, now = Date.now()) {
  const { id, secretHash, token } = issueToken(apiTokenPrefix);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("apiToken").values({ id, secretHash, userId, name, createdAt: now }).execute();
    await recordAudit(
      trx,
      {
        actorUserId: userId,
        action: "api_token.created",
        entityType: "api_token",
        entityId: id,
        after: { name }
      },
      now
    );
  });
  return { id, token };
}

// src/lib/server/db.ts
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  sql as sql8
} from "kysely";

// migrations/001-accounts.ts
var accounts_exports = {};
__export(accounts_exports, {
  down: () => down,
  up: () => up
});
import { sql } from "kysely";
async function up(db) {
  await db.schema.createTable("user").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("email", "text", (c) => c.notNull().unique()).addColumn("name", "text", (c) => c.notNull()).addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'recruiter', 'interviewer')`)).addColumn("password_hash", "text", (c) => c.notNull()).addColumn("deactivated_at", "integer").addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createTable("session").addColumn("id", "text", (c) => c.primaryKey()).addColumn("secret_hash", "blob", (c) => c.notNull()).addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade")).addColumn("created_at", "integer", (c) => c.notNull()).addColumn("last_verified_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("session_user_id").on("session").column("user_id").execute();
  await db.schema.createTable("api_token").addColumn("id", "text", (c) => c.primaryKey()).addColumn("secret_hash", "blob", (c) => c.notNull()).addColumn("user_id", "integer", (c) => c.notNull().references("user.id").onDelete("cascade")).addColumn("name", "text", (c) => c.notNull()).addColumn("created_at", "integer", (c) => c.notNull()).addColumn("last_used_at", "integer").addColumn("revoked_at", "integer").execute();
  await db.schema.createIndex("api_token_user_id").on("api_token").column("user_id").execute();
  await db.schema.createTable("invite").addColumn("id", "text", (c) => c.primaryKey()).addColumn("secret_hash", "blob", (c) => c.notNull()).addColumn("email", "text", (c) => c.notNull()).addColumn("role", "text", (c) => c.notNull().check(sql`role in ('admin', 'recruiter', 'interviewer')`)).addColumn("invited_by", "integer", (c) => c.notNull().references("user.id")).addColumn("created_at", "integer", (c) => c.notNull()).addColumn("expires_at", "integer", (c) => c.notNull()).addColumn("accepted_at", "integer").addColumn("accepted_user_id", "integer", (c) => c.references("user.id")).addColumn("revoked_at", "integer").execute();
  await db.schema.createIndex("invite_email").on("invite").column("email").execute();
  await db.schema.createTable("audit_event").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("actor_user_id", "integer", (c) => c.references("user.id")).addColumn("action", "text", (c) => c.notNull()).addColumn("entity_type", "text", (c) => c.notNull()).addColumn("entity_id", "text", (c) => c.notNull()).addColumn("before", "text").addColumn("after", "text").addColumn("at", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("audit_event_entity").on("audit_event").columns(["entity_type", "entity_id", "at"]).execute();
}
async function down(db) {
  for (const table of ["audit_event", "invite", "api_token", "session", "user"]) {
    await db.schema.dropTable(table).execute();
  }
}

// migrations/002-hiring-loops.ts
var hiring_loops_exports = {};
__export(hiring_loops_exports, {
  down: () => down2,
  up: () => up2
});
import { sql as sql2 } from "kysely";
async function up2(db) {
  const kindCheck = sql2`kind in ('technical', 'leadership')`;
  await db.schema.createTable("meta").addColumn("key", "text", (c) => c.primaryKey()).addColumn("value", "text", (c) => c.notNull()).execute();
  await db.schema.createTable("competency").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("name", "text", (c) => c.notNull()).addColumn("kind", "text", (c) => c.notNull().check(kindCheck)).addColumn("current_revision_id", "integer").addColumn("archived_at", "integer").addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await sql2`create unique index competency_name on competency (name collate nocase)`.execute(db);
  await db.schema.createTable("competency_revision").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id").onDelete("cascade")).addColumn("revision", "integer", (c) => c.notNull()).addColumn("name", "text", (c) => c.notNull()).addColumn("description", "text", (c) => c.notNull()).addColumn("anchor1", "text", (c) => c.notNull()).addColumn("anchor2", "text", (c) => c.notNull()).addColumn("anchor3", "text", (c) => c.notNull()).addColumn("anchor4", "text", (c) => c.notNull()).addColumn("created_by", "integer", (c) => c.references("user.id")).addColumn("created_at", "integer", (c) => c.notNull()).addUniqueConstraint("competency_revision_number", ["competency_id", "revision"]).execute();
  await db.schema.createTable("question").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("prompt", "text", (c) => c.notNull()).addColumn("probes", "text", (c) => c.notNull()).addColumn("good_looks_like", "text", (c) => c.notNull()).addColumn("red_flags", "text", (c) => c.notNull()).addColumn("archived_at", "integer").addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createTable("question_competency").addColumn("question_id", "integer", (c) => c.notNull().references("question.id").onDelete("cascade")).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id").onDelete("cascade")).addPrimaryKeyConstraint("question_competency_pk", ["question_id", "competency_id"]).execute();
  await db.schema.createIndex("question_competency_competency").on("question_competency").column("competency_id").execute();
  await db.schema.createTable("loop_template").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("name", "text", (c) => c.notNull()).addColumn("description", "text", (c) => c.notNull().defaultTo("")).addColumn(
    "visibility_mode",
    "text",
    (c) => c.notNull().check(sql2`visibility_mode in ('after_own', 'after_all')`)
  ).addColumn(
    "evidence_rule",
    "text",
    (c) => c.notNull().defaultTo("required").check(sql2`evidence_rule in ('required', 'recommended')`)
  ).addColumn("archived_at", "integer").addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await sql2`create unique index loop_template_name on loop_template (name collate nocase)`.execute(db);
  await db.schema.createTable("template_round").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn(
    "template_id",
    "integer",
    (c) => c.notNull().references("loop_template.id").onDelete("cascade")
  ).addColumn("position", "integer", (c) => c.notNull()).addColumn("title", "text", (c) => c.notNull()).addColumn("kind", "text", (c) => c.notNull().check(kindCheck)).addColumn("format", "text", (c) => c.notNull()).addColumn("duration_minutes", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("template_round_template").on("template_round").columns(["template_id", "position"]).execute();
  await db.schema.createTable("template_round_competency").addColumn("round_id", "integer", (c) => c.notNull().references("template_round.id").onDelete("cascade")).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id")).addColumn("position", "integer", (c) => c.notNull()).addPrimaryKeyConstraint("template_round_competency_pk", ["round_id", "competency_id"]).execute();
  await db.schema.createIndex("template_round_competency_competency").on("template_round_competency").column("competency_id").execute();
  await db.schema.createTable("template_round_question").addColumn("round_id", "integer", (c) => c.notNull().references("template_round.id").onDelete("cascade")).addColumn("question_id", "integer", (c) => c.notNull().references("question.id")).addColumn("position", "integer", (c) => c.notNull()).addPrimaryKeyConstraint("template_round_question_pk", ["round_id", "question_id"]).execute();
  await db.schema.createIndex("template_round_question_question").on("template_round_question").column("question_id").execute();
  await db.schema.createTable("opening").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("title", "text", (c) => c.notNull()).addColumn("team", "text", (c) => c.notNull()).addColumn("level", "text", (c) => c.notNull()).addColumn("template_id", "integer", (c) => c.notNull().references("loop_template.id")).addColumn("status", "text", (c) => c.notNull().check(sql2`status in ('open', 'closed')`)).addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createTable("opening_hiring_manager").addColumn("opening_id", "integer", (c) => c.notNull().references("opening.id").onDelete("cascade")).addColumn("user_id", "integer", (c) => c.notNull().references("user.id")).addPrimaryKeyConstraint("opening_hiring_manager_pk", ["opening_id", "user_id"]).execute();
  await db.schema.createIndex("opening_hiring_manager_user").on("opening_hiring_manager").column("user_id").execute();
  await db.schema.createTable("candidate").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("name", "text", (c) => c.notNull()).addColumn("email", "text", (c) => c.notNull()).addColumn("notes", "text", (c) => c.notNull().defaultTo("")).addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("candidate_email").on("candidate").column("email").unique().execute();
  await db.schema.createIndex("candidate_name").on("candidate").column("name").execute();
  await db.schema.createTable("candidate_opening").addColumn("candidate_id", "integer", (c) => c.notNull().references("candidate.id").onDelete("cascade")).addColumn("opening_id", "integer", (c) => c.notNull().references("opening.id")).addColumn("added_at", "integer", (c) => c.notNull()).addPrimaryKeyConstraint("candidate_opening_pk", ["candidate_id", "opening_id"]).execute();
  await db.schema.createIndex("candidate_opening_opening").on("candidate_opening").column("opening_id").execute();
  await db.schema.createTable("loop").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("candidate_id", "integer", (c) => c.notNull().references("candidate.id")).addColumn("opening_id", "integer", (c) => c.notNull().references("opening.id")).addColumn("template_id", "integer", (c) => c.references("loop_template.id")).addColumn("template_name", "text", (c) => c.notNull()).addColumn(
    "visibility_mode",
    "text",
    (c) => c.notNull().check(sql2`visibility_mode in ('after_own', 'after_all')`)
  ).addColumn("evidence_rule", "text", (c) => c.notNull()).addColumn("cancelled_at", "integer").addColumn("created_by", "integer", (c) => c.references("user.id")).addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("loop_candidate").on("loop").column("candidate_id").execute();
  await db.schema.createIndex("loop_opening").on("loop").columns(["opening_id", "created_at"]).execute();
  await db.schema.createTable("loop_round").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("loop_id", "integer", (c) => c.notNull().references("loop.id").onDelete("cascade")).addColumn("position", "integer", (c) => c.notNull()).addColumn("title", "text", (c) => c.notNull()).addColumn("kind", "text", (c) => c.notNull().check(kindCheck)).addColumn("format", "text", (c) => c.notNull()).addColumn("duration_minutes", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("loop_round_loop").on("loop_round").columns(["loop_id", "position"]).execute();
  await db.schema.createTable("loop_round_competency").addColumn("round_id", "integer", (c) => c.notNull().references("loop_round.id").onDelete("cascade")).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id")).addColumn("revision_id", "integer", (c) => c.notNull().references("competency_revision.id")).addColumn("position", "integer", (c) => c.notNull()).addPrimaryKeyConstraint("loop_round_competency_pk", ["round_id", "competency_id"]).execute();
  await db.schema.createIndex("loop_round_competency_competency").on("loop_round_competency").column("competency_id").execute();
  await db.schema.createTable("loop_round_question").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("round_id", "integer", (c) => c.notNull().references("loop_round.id").onDelete("cascade")).addColumn("question_id", "integer", (c) => c.references("question.id")).addColumn("position", "integer", (c) => c.notNull()).addColumn("prompt", "text", (c) => c.notNull()).addColumn("probes", "text", (c) => c.notNull()).addColumn("good_looks_like", "text", (c) => c.notNull()).addColumn("red_flags", "text", (c) => c.notNull()).execute();
  await db.schema.createIndex("loop_round_question_round").on("loop_round_question").columns(["round_id", "position"]).execute();
  await db.schema.createTable("scorecard").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("loop_id", "integer", (c) => c.notNull().references("loop.id").onDelete("cascade")).addColumn("round_id", "integer", (c) => c.notNull().references("loop_round.id").onDelete("cascade")).addColumn("interviewer_id", "integer", (c) => c.notNull().references("user.id")).addColumn("scheduled_at", "integer", (c) => c.notNull()).addColumn(
    "status",
    "text",
    (c) => c.notNull().defaultTo("not_started").check(sql2`status in ('not_started', 'draft', 'submitted')`)
  ).addColumn("version", "integer", (c) => c.notNull().defaultTo(0)).addColumn("started_at", "integer").addColumn("submitted_at", "integer").addColumn("created_at", "integer", (c) => c.notNull()).addColumn("updated_at", "integer", (c) => c.notNull()).addUniqueConstraint("scorecard_round_interviewer", ["round_id", "interviewer_id"]).execute();
  await db.schema.createIndex("scorecard_loop").on("scorecard").column("loop_id").execute();
  await db.schema.createIndex("scorecard_interviewer_schedule").on("scorecard").columns(["interviewer_id", "scheduled_at"]).execute();
}
async function down2(db) {
  for (const table of [
    "scorecard",
    "loop_round_question",
    "loop_round_competency",
    "loop_round",
    "loop",
    "candidate_opening",
    "candidate",
    "opening_hiring_manager",
    "opening",
    "template_round_question",
    "template_round_competency",
    "template_round",
    "loop_template",
    "question_competency",
    "question",
    "competency_revision",
    "competency",
    "meta"
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

// migrations/003-scorecard-content.ts
var scorecard_content_exports = {};
__export(scorecard_content_exports, {
  down: () => down3,
  up: () => up3
});
import { sql as sql3 } from "kysely";
async function up3(db) {
  await db.schema.alterTable("scorecard").addColumn("content", "text", (c) => c.notNull().defaultTo("{}")).execute();
  await db.schema.alterTable("scorecard").addColumn("recommendation", "integer", (c) => c.check(sql3`recommendation between 1 and 4`)).execute();
  await db.schema.alterTable("scorecard").addColumn("amended_at", "integer").execute();
  await db.schema.createTable("scorecard_rating").addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecard.id").onDelete("cascade")).addColumn("loop_id", "integer", (c) => c.notNull().references("loop.id").onDelete("cascade")).addColumn("interviewer_id", "integer", (c) => c.notNull().references("user.id")).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id")).addColumn("revision_id", "integer", (c) => c.notNull().references("competency_revision.id")).addColumn("rating", "integer", (c) => c.check(sql3`rating between 1 and 4`)).addColumn("submitted_at", "integer", (c) => c.notNull()).addPrimaryKeyConstraint("scorecard_rating_pk", ["scorecard_id", "competency_id"]).execute();
  await db.schema.createIndex("scorecard_rating_loop").on("scorecard_rating").columns(["loop_id", "competency_id"]).execute();
  await db.schema.createTable("scorecard_submission").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("scorecard_id", "integer", (c) => c.notNull().references("scorecard.id").onDelete("cascade")).addColumn("content", "text", (c) => c.notNull()).addColumn("reason", "text").addColumn("submitted_by", "integer", (c) => c.notNull().references("user.id")).addColumn("submitted_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("scorecard_submission_scorecard").on("scorecard_submission").columns(["scorecard_id", "submitted_at"]).execute();
}
async function down3(db) {
  await db.schema.dropTable("scorecard_submission").execute();
  await db.schema.dropTable("scorecard_rating").execute();
  await db.schema.alterTable("scorecard").dropColumn("amended_at").execute();
  await db.schema.alterTable("scorecard").dropColumn("recommendation").execute();
  await db.schema.alterTable("scorecard").dropColumn("content").execute();
}

// migrations/004-debriefs-and-decisions.ts
var debriefs_and_decisions_exports = {};
__export(debriefs_and_decisions_exports, {
  down: () => down4,
  up: () => up4
});
import { sql as sql4 } from "kysely";
async function up4(db) {
  await db.schema.createTable("debrief").addColumn("loop_id", "integer", (c) => c.primaryKey().references("loop.id").onDelete("cascade")).addColumn("notes", "text", (c) => c.notNull().defaultTo("{}")).addColumn("attendee_ids", "text", (c) => c.notNull().defaultTo("[]")).addColumn("updated_by", "integer", (c) => c.references("user.id")).addColumn("updated_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createTable("loop_decision").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("loop_id", "integer", (c) => c.notNull().references("loop.id").onDelete("cascade")).addColumn("outcome", "text", (c) => c.notNull().check(sql4`outcome in ('hire', 'no_hire', 'hold')`)).addColumn("rationale", "text", (c) => c.notNull()).addColumn("dissent", "text", (c) => c.notNull().defaultTo("")).addColumn("attendees", "text", (c) => c.notNull()).addColumn("change_reason", "text").addColumn("decided_by", "integer", (c) => c.notNull().references("user.id")).addColumn("decided_at", "integer", (c) => c.notNull()).execute();
  await db.schema.createIndex("loop_decision_loop").on("loop_decision").columns(["loop_id", "decided_at"]).execute();
}
async function down4(db) {
  await db.schema.dropTable("loop_decision").execute();
  await db.schema.dropTable("debrief").execute();
}

// migrations/005-calibration-aggregates.ts
var calibration_aggregates_exports = {};
__export(calibration_aggregates_exports, {
  down: () => down5,
  up: () => up5
});
import { sql as sql5 } from "kysely";
async function up5(db) {
  await db.schema.alterTable("loop").addColumn("completed_at", "integer").execute();
  await db.schema.alterTable("loop").addColumn("outcome", "text", (c) => c.check(sql5`outcome in ('hire', 'no_hire', 'hold')`)).execute();
  await sql5`
		update loop set outcome = (
			select outcome from loop_decision d where d.loop_id = loop.id order by decided_at desc, id desc limit 1
		)
	`.execute(db);
  await db.schema.alterTable("scorecard").addColumn("opening_id", "integer").execute();
  await db.schema.alterTable("scorecard").addColumn("round_kind", "text").execute();
  await db.schema.alterTable("scorecard").addColumn("complete", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql5`
		update scorecard set
			opening_id = (select opening_id from loop where loop.id = scorecard.loop_id),
			round_kind = (select kind from loop_round where loop_round.id = scorecard.round_id)
	`.execute(db);
  for (const [name, type] of [
    ["interviewed_at", "integer"],
    ["opening_id", "integer"],
    ["round_kind", "text"],
    ["others_mean", "real"]
  ]) {
    await db.schema.alterTable("scorecard_rating").addColumn(name, type).execute();
  }
  await db.schema.alterTable("scorecard_rating").addColumn("complete", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql5`
		update scorecard_rating set
			interviewed_at = (select scheduled_at from scorecard where scorecard.id = scorecard_rating.scorecard_id),
			opening_id = (select opening_id from scorecard where scorecard.id = scorecard_rating.scorecard_id),
			round_kind = (select round_kind from scorecard where scorecard.id = scorecard_rating.scorecard_id)
	`.execute(db);
  await db.schema.createTable("rating_unit").addColumn("loop_id", "integer", (c) => c.notNull().references("loop.id").onDelete("cascade")).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id")).addColumn("opening_id", "integer", (c) => c.notNull()).addColumn("round_kind", "text", (c) => c.notNull()).addColumn("interviewed_at", "integer", (c) => c.notNull()).addColumn("n1", "integer", (c) => c.notNull()).addColumn("n2", "integer", (c) => c.notNull()).addColumn("n3", "integer", (c) => c.notNull()).addColumn("n4", "integer", (c) => c.notNull()).addColumn("not_assessed", "integer", (c) => c.notNull()).addPrimaryKeyConstraint("rating_unit_pk", ["loop_id", "competency_id"]).execute();
  await sql5`
		create index scorecard_rating_calibration on scorecard_rating
			(interviewed_at, opening_id, round_kind, interviewer_id, competency_id, rating, others_mean)
			where complete = 1
	`.execute(db);
  await sql5`
		create index scorecard_rating_interviewer_trend on scorecard_rating
			(interviewer_id, interviewed_at, rating, others_mean) where complete = 1
	`.execute(db);
  await sql5`
		create index rating_unit_calibration on rating_unit
			(interviewed_at, opening_id, round_kind, competency_id, n1, n2, n3, n4, not_assessed)
	`.execute(db);
  await sql5`
		create index scorecard_calibration on scorecard
			(scheduled_at, opening_id, round_kind, interviewer_id, recommendation, submitted_at, loop_id)
			where complete = 1
	`.execute(db);
}
async function down5(db) {
  await sql5`drop index scorecard_calibration`.execute(db);
  await db.schema.dropTable("rating_unit").execute();
  await sql5`drop index scorecard_rating_interviewer_trend`.execute(db);
  await sql5`drop index scorecard_rating_calibration`.execute(db);
  for (const column of ["complete", "others_mean", "round_kind", "opening_id", "interviewed_at"]) {
    await db.schema.alterTable("scorecard_rating").dropColumn(column).execute();
  }
  for (const column of ["complete", "round_kind", "opening_id"]) {
    await db.schema.alterTable("scorecard").dropColumn(column).execute();
  }
  await db.schema.alterTable("loop").dropColumn("outcome").execute();
  await db.schema.alterTable("loop").dropColumn("completed_at").execute();
}

// migrations/006-question-revisions.ts
var question_revisions_exports = {};
__export(question_revisions_exports, {
  down: () => down6,
  up: () => up6
});
import { sql as sql6 } from "kysely";
async function up6(db) {
  await db.schema.createTable("question_revision").addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()).addColumn("question_id", "integer", (c) => c.notNull().references("question.id").onDelete("cascade")).addColumn("revision", "integer", (c) => c.notNull()).addColumn("prompt", "text", (c) => c.notNull()).addColumn("probes", "text", (c) => c.notNull()).addColumn("good_looks_like", "text", (c) => c.notNull()).addColumn("red_flags", "text", (c) => c.notNull()).addColumn("created_at", "integer", (c) => c.notNull()).addUniqueConstraint("question_revision_number", ["question_id", "revision"]).execute();
  await db.schema.alterTable("question").addColumn("current_revision_id", "integer").execute();
  await sql6`
		insert into question_revision (question_id, revision, prompt, probes, good_looks_like, red_flags, created_at)
		select id, 1, prompt, probes, good_looks_like, red_flags, updated_at from question
	`.execute(db);
  await sql6`
		update question set current_revision_id = (select id from question_revision r where r.question_id = question.id)
	`.execute(db);
  await db.schema.alterTable("loop_round_question").addColumn("revision_id", "integer").execute();
  await sql6`
		update loop_round_question set revision_id = (
			select r.id from question_revision r
			where r.question_id = loop_round_question.question_id and r.prompt = loop_round_question.prompt
				and r.probes = loop_round_question.probes and r.good_looks_like = loop_round_question.good_looks_like
				and r.red_flags = loop_round_question.red_flags
		)
	`.execute(db);
  const edited = await db.selectFrom("loop_round_question").select(["id", "question_id", "prompt", "probes", "good_looks_like", "red_flags"]).where("revision_id", "is", null).execute();
  for (const row of edited) {
    const { next } = await db.selectFrom("question_revision").select(sql6`coalesce(max(revision), 0) + 1`.as("next")).where("question_id", "=", row.question_id).executeTakeFirstOrThrow();
    const { id } = await db.insertInto("question_revision").values({
      question_id: row.question_id,
      revision: next,
      prompt: row.prompt,
      probes: row.probes,
      good_looks_like: row.good_looks_like,
      red_flags: row.red_flags,
      created_at: 0
    }).returning("id").executeTakeFirstOrThrow();
    await db.updateTable("loop_round_question").set({ revision_id: id }).where("id", "=", row.id).execute();
  }
  for (const column of ["prompt", "probes", "good_looks_like", "red_flags"]) {
    await db.schema.alterTable("loop_round_question").dropColumn(column).execute();
  }
}
async function down6(db) {
  for (const column of ["prompt", "probes", "good_looks_like", "red_flags"]) {
    await db.schema.alterTable("loop_round_question").addColumn(column, "text", (c) => c.notNull().defaultTo("")).execute();
  }
  await sql6`
		update loop_round_question set
			prompt = (select prompt from question_revision r where r.id = loop_round_question.revision_id),
			probes = (select probes from question_revision r where r.id = loop_round_question.revision_id),
			good_looks_like = (select good_looks_like from question_revision r where r.id = loop_round_question.revision_id),
			red_flags = (select red_flags from question_revision r where r.id = loop_round_question.revision_id)
	`.execute(db);
  await db.schema.alterTable("loop_round_question").dropColumn("revision_id").execute();
  await db.schema.alterTable("question").dropColumn("current_revision_id").execute();
  await db.schema.dropTable("question_revision").execute();
}

// migrations/007-calibration-months.ts
var calibration_months_exports = {};
__export(calibration_months_exports, {
  down: () => down7,
  up: () => up7
});
import { sql as sql7 } from "kysely";
async function up7(db) {
  await db.schema.alterTable("scorecard").addColumn("delay_hours", "real").execute();
  await db.schema.alterTable("scorecard").addColumn("loop_outcome", "text").execute();
  await sql7`
		update scorecard set
			delay_hours = case when submitted_at is null then null else (submitted_at - scheduled_at - 60000 *
				(select duration_minutes from loop_round where loop_round.id = scorecard.round_id)) / 3600000.0 end,
			loop_outcome = (select outcome from loop where loop.id = scorecard.loop_id)
	`.execute(db);
  await sql7`drop index scorecard_calibration`.execute(db);
  await sql7`
		create index scorecard_calibration on scorecard
			(scheduled_at, opening_id, round_kind, interviewer_id, recommendation, delay_hours, loop_outcome)
			where complete = 1
	`.execute(db);
  await sql7`drop index rating_unit_calibration`.execute(db);
  await sql7`
		create index rating_unit_calibration on rating_unit
			(competency_id, interviewed_at, opening_id, round_kind, n1, n2, n3, n4, not_assessed)
	`.execute(db);
  const delayColumns = Array.from({ length: 16 }, (_, band) => `d${band}`);
  let interviewerMonth = db.schema.createTable("calibration_interviewer_month").addColumn("month", "integer", (c) => c.notNull()).addColumn("interviewer_id", "integer", (c) => c.notNull().references("user.id")).addColumn("round_kind", "text", (c) => c.notNull());
  for (const column of [
    "scorecards",
    "rec1",
    "rec2",
    "rec3",
    "rec4",
    "late",
    "decided",
    "matched",
    ...delayColumns,
    "ratings",
    "not_assessed",
    "r1",
    "r2",
    "r3",
    "r4"
  ]) {
    interviewerMonth = interviewerMonth.addColumn(column, "integer", (c) => c.notNull());
  }
  for (const column of ["sum_rating", "n_d", "sum_d", "sum_d2"]) {
    interviewerMonth = interviewerMonth.addColumn(column, "real", (c) => c.notNull());
  }
  await interviewerMonth.addPrimaryKeyConstraint("calibration_interviewer_month_pk", ["month", "round_kind", "interviewer_id"]).modifyEnd(sql7`without rowid`).execute();
  let competencyMonth = db.schema.createTable("calibration_competency_month").addColumn("month", "integer", (c) => c.notNull()).addColumn("competency_id", "integer", (c) => c.notNull().references("competency.id")).addColumn("round_kind", "text", (c) => c.notNull());
  for (const column of ["r1", "r2", "r3", "r4", "not_assessed", "units", "pairable"]) {
    competencyMonth = competencyMonth.addColumn(column, "integer", (c) => c.notNull());
  }
  for (const column of ["o11", "o12", "o13", "o14", "o22", "o23", "o24", "o33", "o34", "o44"]) {
    competencyMonth = competencyMonth.addColumn(column, "real", (c) => c.notNull());
  }
  await competencyMonth.addPrimaryKeyConstraint("calibration_competency_month_pk", ["month", "round_kind", "competency_id"]).modifyEnd(sql7`without rowid`).execute();
}
async function down7(db) {
  await db.schema.dropTable("calibration_competency_month").execute();
  await db.schema.dropTable("calibration_interviewer_month").execute();
  await sql7`delete from meta where key = 'calibration_months_built_at'`.execute(db);
  await sql7`drop index rating_unit_calibration`.execute(db);
  await sql7`
		create index rating_unit_calibration on rating_unit
			(interviewed_at, opening_id, round_kind, competency_id, n1, n2, n3, n4, not_assessed)
	`.execute(db);
  await sql7`drop index scorecard_calibration`.execute(db);
  await sql7`
		create index scorecard_calibration on scorecard
			(scheduled_at, opening_id, round_kind, interviewer_id, recommendation, submitted_at, loop_id)
			where complete = 1
	`.execute(db);
  await db.schema.alterTable("scorecard").dropColumn("loop_outcome").execute();
  await db.schema.alterTable("scorecard").dropColumn("delay_hours").execute();
}

// migrations/index.ts
var migrations = {
  "001-accounts": accounts_exports,
  "002-hiring-loops": hiring_loops_exports,
  "003-scorecard-content": scorecard_content_exports,
  "004-debriefs-and-decisions": debriefs_and_decisions_exports,
  "005-calibration-aggregates": calibration_aggregates_exports,
  "006-question-revisions": question_revisions_exports,
  "007-calibration-months": calibration_months_exports
};

// src/lib/server/db.ts
var defaultDatabasePath = "./data/panelist.db";
var TransactionalDdlSqliteAdapter = class extends SqliteAdapter {
  get supportsTransactionalDdl() {
    return true;
  }
};
var ImmediateTransactionSqliteDriver = class extends SqliteDriver {
  async beginTransaction(connection) {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
};
var PanelistSqliteDialect = class extends SqliteDialect {
  #database;
  constructor(database) {
    super({ database });
    this.#database = database;
  }
  createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
  createDriver() {
    return new ImmediateTransactionSqliteDriver({ database: this.#database });
  }
};
function openSqlite(file) {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}
function createDb(sqlite, log) {
  return new Kysely({
    dialect: new PanelistSqliteDialect(sqlite),
    plugins: [new CamelCasePlugin()],
    log
  });
}
function openDatabase(file, log) {
  return createDb(openSqlite(file), log);
}
var MigrationError = class extends Error {
  constructor(migrationName, reason) {
    super(
      migrationName ? `migration "${migrationName}" failed: ${reason}. The database was left unchanged.` : `migrations could not run: ${reason}. The database was left unchanged.`
    );
    this.migrationName = migrationName;
    this.reason = reason;
    this.name = "MigrationError";
  }
  migrationName;
  reason;
};
var staticProvider = { getMigrations: async () => migrations };
async function migrateToLatest(db, provider = staticProvider) {
  const hadBookkeeping = await tableExists(db, "kysely_migration");
  const migrator = new Migrator({ db: db.withoutPlugins(), provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error === void 0) {
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  }
  if (!hadBookkeeping) {
    await db.schema.dropTable("kysely_migration_lock").ifExists().execute();
    await db.schema.dropTable("kysely_migration").ifExists().execute();
  }
  const failed = results?.find((r) => r.status === "Error")?.migrationName;
  throw new MigrationError(failed, error instanceof Error ? error.message : String(error));
}
async function tableExists(db, name) {
  const { rows } = await sql8`
		select name from sqlite_master where type = 'table' and name = ${name}
	`.execute(db);
  return rows.length > 0;
}

// src/lib/server/calibration-upkeep.ts
import { sql as sql10 } from "kysely";

// src/lib/domain/calibration-sums.ts
var delayBandEdges = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 18, 24, 36, 48, 72, 168];
var delayFields = [
  "d0",
  "d1",
  "d2",
  "d3",
  "d4",
  "d5",
  "d6",
  "d7",
  "d8",
  "d9",
  "d10",
  "d11",
  "d12",
  "d13",
  "d14",
  "d15"
];
var interviewerSumFields = [
  "scorecards",
  "rec1",
  "rec2",
  "rec3",
  "rec4",
  "late",
  "decided",
  "matched",
  ...delayFields,
  "ratings",
  "notAssessed",
  "r1",
  "r2",
  "r3",
  "r4",
  "sumRating",
  "nD",
  "sumD",
  "sumD2"
];
var competencySumFields = [
  "r1",
  "r2",
  "r3",
  "r4",
  "notAssessed",
  "units",
  "pairable",
  "o11",
  "o12",
  "o13",
  "o14",
  "o22",
  "o23",
  "o24",
  "o33",
  "o34",
  "o44"
];
function emptySums(fields) {
  return Object.fromEntries(fields.map((f) => [f, 0]));
}
function addSums(fields, into, more) {
  for (const field of fields) into[field] += Number(more[field] ?? 0);
}
function delayBand(hours) {
  const band = delayBandEdges.findIndex((edge) => hours < edge);
  return band === -1 ? delayBandEdges.length : band;
}
function monthStart(epochMs) {
  const date = new Date(epochMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}
function nextMonthStart(epochMs) {
  const date = new Date(epochMs);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

// src/lib/server/calibration-sums.ts
import { sql as sql9 } from "kysely";
var monthOf = (column) => sql9`unixepoch(${sql9.ref(column)} / 1000, 'unixepoch', 'start of month') * 1000`;
function where(filter, at) {
  const parts = [sql9`${sql9.ref(at)} between ${filter.from} and ${filter.to}`];
  if (filter.kind) parts.push(sql9`round_kind = ${filter.kind}`);
  if (filter.openingIds) {
    parts.push(filter.openingIds.length ? sql9`opening_id in (${sql9.join(filter.openingIds)})` : sql9`0`);
  }
  if (filter.interviewerId !== void 0) parts.push(sql9`interviewer_id = ${filter.interviewerId}`);
  if (filter.competencyId !== void 0) parts.push(sql9`competency_id = ${filter.competencyId}`);
  return sql9`${sql9.join(parts, sql9` and `)}`;
}
function groupColumns(subject, at, grouping) {
  return grouping === "month" ? sql9`${sql9.ref(subject)} as subject, ${monthOf(at)} as month, round_kind` : sql9`${sql9.ref(subject)} as subject, 0 as month, '' as round_kind`;
}
var groupBy = (grouping) => sql9.raw(grouping === "month" ? "subject, month, round_kind" : "subject");
function fromTable(filter, table, dateIndex) {
  return filter.interviewerId === void 0 ? sql9.raw(`${table} indexed by ${dateIndex}`) : sql9.raw(table);
}
var key = (row) => `${row.subject}|${row.month}|${row.roundKind}`;
var delayBandCase = sql9.raw(
  `case ${delayBandEdges.map((edge, band) => `when delay_hours < ${edge} then ${band}`).join(" ")} else ${delayBandEdges.length} end`
);
var delayBandSums = sql9.raw(
  [...delayBandEdges, null].map((_, band) => `sum(case when band = ${band} then n else 0 end) as d${band}`).join(", ")
);
async function interviewerSums(db, filter, grouping) {
  const scorecards = await sql9`
		select subject, month, round_kind, sum(n) as scorecards, sum(rec1) as rec1, sum(rec2) as rec2,
			sum(rec3) as rec3, sum(rec4) as rec4, sum(late) as late, sum(decided) as decided,
			sum(matched) as matched, ${delayBandSums}
		from (
			select ${groupColumns("interviewer_id", "scheduled_at", grouping)}, ${delayBandCase} as band,
				count(*) as n,
				sum(recommendation = 1) as rec1, sum(recommendation = 2) as rec2,
				sum(recommendation = 3) as rec3, sum(recommendation = 4) as rec4,
				sum(delay_hours > 24) as late,
				sum(loop_outcome in ('hire', 'no_hire')) as decided,
				sum((loop_outcome = 'hire' and recommendation >= 3) or (loop_outcome = 'no_hire' and recommendation <= 2)) as matched
			from ${fromTable(filter, "scorecard", "scorecard_calibration")}
			where complete = 1 and ${where(filter, "scheduled_at")}
			group by ${groupBy(grouping)}, band
		)
		group by ${groupBy(grouping)}
	`.execute(db);
  const ratings = await sql9`
		select ${groupColumns("interviewer_id", "interviewed_at", grouping)},
			count(*) as ratings, sum(rating is null) as not_assessed,
			sum(rating = 1) as r1, sum(rating = 2) as r2, sum(rating = 3) as r3, sum(rating = 4) as r4,
			total(rating) as sum_rating, count(others_mean) as n_d,
			total(rating - others_mean) as sum_d, total((rating - others_mean) * (rating - others_mean)) as sum_d2
		from ${fromTable(filter, "scorecard_rating", "scorecard_rating_calibration")}
		where complete = 1 and ${where(filter, "interviewed_at")}
		group by ${groupBy(grouping)}
	`.execute(db);
  const merged = /* @__PURE__ */ new Map();
  for (const row of [...scorecards.rows, ...ratings.rows]) {
    let entry = merged.get(key(row));
    if (!entry) {
      entry = {
        id: row.subject,
        month: Number(row.month),
        roundKind: row.roundKind,
        sums: emptySums(interviewerSumFields)
      };
      merged.set(key(row), entry);
    }
    addSums(interviewerSumFields, entry.sums, row);
  }
  return [...merged.values()];
}
var coincidenceSums = sql9.raw(
  [
    [1, 1],
    [1, 2],
    [1, 3],
    [1, 4],
    [2, 2],
    [2, 3],
    [2, 4],
    [3, 3],
    [3, 4],
    [4, 4]
  ].map(
    ([c, k]) => `total(case when m >= 2 then ${c === k ? `n${c} * (n${c} - 1)` : `n${c} * n${k}`} * 1.0 / (m - 1) end) as o${c}${k}`
  ).join(", ")
);
async function competencySums(db, filter, grouping) {
  const { rows } = await sql9`
		select subject, month, round_kind, sum(n1) as r1, sum(n2) as r2, sum(n3) as r3, sum(n4) as r4,
			sum(not_assessed) as not_assessed, sum(m >= 2) as units,
			total(case when m >= 2 then m end) as pairable, ${coincidenceSums}
		from (
			select ${groupColumns("competency_id", "interviewed_at", grouping)},
				n1, n2, n3, n4, not_assessed, n1 + n2 + n3 + n4 as m
			from rating_unit
			where ${where(filter, "interviewed_at")}
		)
		group by ${groupBy(grouping)}
	`.execute(db);
  return rows.map((row) => {
    const sums = emptySums(competencySumFields);
    addSums(competencySumFields, sums, row);
    return { id: row.subject, month: Number(row.month), roundKind: row.roundKind, sums };
  });
}

// src/lib/server/calibration-upkeep.ts
async function refreshLoopCalibration(db, loopId) {
  const before = await monthKeys(db, loopId);
  await refreshLoopRows(db, loopId);
  const after = await monthKeys(db, loopId);
  await refreshMonths(db, {
    interviewers: [...before.interviewers, ...after.interviewers],
    competencies: [...before.competencies, ...after.competencies]
  });
}
async function refreshLoopRows(db, loopId) {
  const [loop, cards] = await Promise.all([
    db.selectFrom("loop").select(["cancelledAt"]).where("id", "=", loopId).executeTakeFirstOrThrow(),
    db.selectFrom("scorecard").select(["status", "submittedAt"]).where("loopId", "=", loopId).execute()
  ]);
  const complete = loop.cancelledAt === null && cards.length > 0 && cards.every((c) => c.status === "submitted");
  const completedAt = complete ? Math.max(...cards.map((c) => c.submittedAt ?? 0)) : null;
  await db.updateTable("loop").set({ completedAt }).where("id", "=", loopId).execute();
  await db.updateTable("scorecard").set({ complete: complete ? 1 : 0 }).where("loopId", "=", loopId).execute();
  await sql10`
		update scorecard set
			loop_outcome = (select outcome from loop where loop.id = scorecard.loop_id),
			delay_hours = case when submitted_at is null then null else (submitted_at - scheduled_at - 60000 *
				(select duration_minutes from loop_round where loop_round.id = scorecard.round_id)) / 3600000.0 end
		where loop_id = ${loopId}
	`.execute(db);
  await db.deleteFrom("ratingUnit").where("loopId", "=", loopId).execute();
  if (!complete) {
    await db.updateTable("scorecardRating").set({ complete: 0, othersMean: null }).where("loopId", "=", loopId).execute();
    return;
  }
  const ratings = await db.selectFrom("scorecardRating").select([
    "scorecardId",
    "interviewerId",
    "competencyId",
    "rating",
    "interviewedAt",
    "openingId",
    "roundKind"
  ]).where("loopId", "=", loopId).execute();
  for (const row of ratings) {
    const others = ratings.filter(
      (o) => o.competencyId === row.competencyId && o.interviewerId !== row.interviewerId && o.rating !== null
    ).map((o) => o.rating);
    const othersMean = row.rating !== null && others.length ? others.reduce((a, b) => a + b, 0) / others.length : null;
    await db.updateTable("scorecardRating").set({ complete: 1, othersMean }).where("scorecardId", "=", row.scorecardId).where("competencyId", "=", row.competencyId).execute();
  }
  const units = /* @__PURE__ */ new Map();
  for (const row of ratings) units.set(row.competencyId, [...units.get(row.competencyId) ?? [], row]);
  for (const [competencyId, rows] of units) {
    const count = (value) => rows.filter((r) => r.rating === value).length;
    await db.insertInto("ratingUnit").values({
      loopId,
      competencyId,
      openingId: rows[0].openingId,
      roundKind: rows[0].roundKind,
      interviewedAt: Math.min(...rows.map((r) => r.interviewedAt)),
      n1: count(1),
      n2: count(2),
      n3: count(3),
      n4: count(4),
      notAssessed: rows.filter((r) => r.rating === null).length
    }).execute();
  }
}
async function monthKeys(db, loopId) {
  const [interviewers, competencies] = await Promise.all([
    sql10`
			select distinct interviewer_id as subject, ${monthOf("scheduled_at")} as month, round_kind
			from scorecard where loop_id = ${loopId} and complete = 1
		`.execute(db),
    sql10`
			select distinct competency_id as subject, ${monthOf("interviewed_at")} as month, round_kind
			from rating_unit where loop_id = ${loopId}
		`.execute(db)
  ]);
  return { interviewers: interviewers.rows, competencies: competencies.rows };
}
var distinctKeys = (keys) => [
  ...new Map(keys.map((k) => [`${k.subject}|${k.month}|${k.roundKind}`, k])).values()
];
async function refreshMonths(db, keys) {
  for (const k of distinctKeys(keys.interviewers)) {
    const range = { from: k.month, to: nextMonthStart(k.month) - 1, kind: k.roundKind };
    const [row] = await interviewerSums(db, { ...range, interviewerId: k.subject }, "month");
    await db.deleteFrom("calibrationInterviewerMonth").where("month", "=", k.month).where("roundKind", "=", k.roundKind).where("interviewerId", "=", k.subject).execute();
    if (row) {
      await db.insertInto("calibrationInterviewerMonth").values({ month: k.month, roundKind: k.roundKind, interviewerId: k.subject, ...row.sums }).execute();
    }
  }
  for (const k of distinctKeys(keys.competencies)) {
    const range = { from: k.month, to: nextMonthStart(k.month) - 1, kind: k.roundKind };
    const [row] = await competencySums(db, { ...range, competencyId: k.subject }, "month");
    await db.deleteFrom("calibrationCompetencyMonth").where("month", "=", k.month).where("roundKind", "=", k.roundKind).where("competencyId", "=", k.subject).execute();
    if (row) {
      await db.insertInto("calibrationCompetencyMonth").values({ month: k.month, roundKind: k.roundKind, competencyId: k.subject, ...row.sums }).execute();
    }
  }
}
async function rebuildCalibrationMonths(db) {
  const everything = { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER };
  const [interviewers, competencies] = await Promise.all([
    interviewerSums(db, everything, "month"),
    competencySums(db, everything, "month")
  ]);
  await db.deleteFrom("calibrationInterviewerMonth").execute();
  await db.deleteFrom("calibrationCompetencyMonth").execute();
  for (let i = 0; i < interviewers.length; i += 500) {
    await db.insertInto("calibrationInterviewerMonth").values(
      interviewers.slice(i, i + 500).map((r) => ({ month: r.month, roundKind: r.roundKind, interviewerId: r.id, ...r.sums }))
    ).execute();
  }
  for (let i = 0; i < competencies.length; i += 500) {
    await db.insertInto("calibrationCompetencyMonth").values(
      competencies.slice(i, i + 500).map((r) => ({ month: r.month, roundKind: r.roundKind, competencyId: r.id, ...r.sums }))
    ).execute();
  }
}
var monthsBuiltKey = "calibration_months_built_at";
async function buildCalibrationMonths(db, now = Date.now()) {
  const built = await db.selectFrom("meta").select("value").where("key", "=", monthsBuiltKey).executeTakeFirst();
  if (built) return false;
  await db.transaction().execute(async (trx) => {
    await rebuildCalibrationMonths(trx);
    await trx.insertInto("meta").values({ key: monthsBuiltKey, value: String(now) }).execute();
  });
  return true;
}
var rebuiltKey = "calibration_aggregates_built_at";
async function buildCalibrationAggregates(db, now = Date.now()) {
  const built = await db.selectFrom("meta").select("value").where("key", "=", rebuiltKey).executeTakeFirst();
  if (built) return false;
  await db.transaction().execute(async (trx) => {
    const loops = await trx.selectFrom("loop").select("id").execute();
    for (const { id } of loops) await refreshLoopCalibration(trx, id);
    await trx.insertInto("meta").values({ key: rebuiltKey, value: String(now) }).execute();
  });
  return true;
}

// src/lib/server/competencies.ts
import { sql as sql11 } from "kysely";

// src/lib/server/errors.ts
var InputError = class extends Error {
  constructor(fieldErrors) {
    super(Object.values(fieldErrors)[0] ?? "Invalid input");
    this.fieldErrors = fieldErrors;
    this.name = "InputError";
  }
  fieldErrors;
};
var ForbiddenError = class extends Error {
  constructor(message = "You do not have permission to do this. If you need it, ask an admin.") {
    super(message);
    this.name = "ForbiddenError";
  }
};
var NotFoundError = class extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
};
var ConflictError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ConflictError";
  }
};
var VersionConflictError = class extends ConflictError {
  constructor(currentVersion, current) {
    super("This scorecard was changed elsewhere since this copy was loaded");
    this.currentVersion = currentVersion;
    this.current = current;
    this.name = "VersionConflictError";
  }
  currentVersion;
  current;
};
var IncompleteError = class extends Error {
  constructor(issues) {
    super(issues[0]?.message ?? "Incomplete");
    this.issues = issues;
    this.name = "IncompleteError";
  }
  issues;
};

// src/lib/server/access.ts
function canManageHiring(actor) {
  return actor.role === "admin" || actor.role === "recruiter";
}
async function isHiringManagerOf(db, actor, openingId) {
  const row = await db.selectFrom("openingHiringManager").select("openingId").where("openingId", "=", openingId).where("userId", "=", actor.id).executeTakeFirst();
  return row !== void 0;
}
async function assertCanManageOpeningLoops(db, actor, openingId) {
  const opening = await db.selectFrom("opening").select("id").where("id", "=", openingId).executeTakeFirst();
  if (!opening) throw new NotFoundError("No such opening");
  if (canManageHiring(actor)) return;
  if (!await isHiringManagerOf(db, actor, openingId)) throw new ForbiddenError();
}

// src/lib/server/competencies.ts
async function assertNameFree(db, name, exceptId) {
  let query = db.selectFrom("competency").select(["id", "archivedAt"]).where(sql11`name = ${name} collate nocase`);
  if (exceptId !== void 0) query = query.where("id", "!=", exceptId);
  const clash = await query.executeTakeFirst();
  if (clash) {
    throw new InputError({
      name: clash.archivedAt ? "An archived competency has this name. Restore it instead, or choose another name" : "A competency with this name already exists"
    });
  }
}
function revisionValues(input) {
  return {
    name: input.name,
    description: input.description,
    anchor1: input.anchor1,
    anchor2: input.anchor2,
    anchor3: input.anchor3,
    anchor4: input.anchor4
  };
}
async function insertCompetency(db, actorId, input, now = Date.now()) {
  await assertNameFree(db, input.name);
  const { id } = await db.insertInto("competency").values({ name: input.name, kind: input.kind, archivedAt: null, createdAt: now, updatedAt: now }).returning("id").executeTakeFirstOrThrow();
  const revision = await db.insertInto("competencyRevision").values({ competencyId: id, revision: 1, ...revisionValues(input), createdBy: actorId, createdAt: now }).returning("id").executeTakeFirstOrThrow();
  await db.updateTable("competency").set({ currentRevisionId: revision.id }).where("id", "=", id).execute();
  await recordAudit(
    db,
    {
      actorUserId: actorId,
      action: "competency.created",
      entityType: "competency",
      entityId: id,
      after: input
    },
    now
  );
  return id;
}

// src/lib/server/questions.ts
import { sql as sql12 } from "kysely";
async function assertLinkableCompetencies(db, ids, alreadyLinked = []) {
  const rows = await db.selectFrom("competency").select(["id", "archivedAt"]).where("id", "in", ids.length ? ids : [-1]).execute();
  const usable = new Set(
    rows.filter((r) => r.archivedAt === null || alreadyLinked.includes(r.id)).map((r) => r.id)
  );
  if (ids.some((id) => !usable.has(id))) {
    throw new InputError({
      competencyIds: "Choose competencies from the library (archived ones cannot be added)"
    });
  }
}
async function insertQuestion(db, actorId, input, now = Date.now()) {
  await assertLinkableCompetencies(db, input.competencyIds);
  const { id } = await db.insertInto("question").values({
    prompt: input.prompt,
    probes: input.probes,
    goodLooksLike: input.goodLooksLike,
    redFlags: input.redFlags,
    archivedAt: null,
    createdAt: now,
    updatedAt: now
  }).returning("id").executeTakeFirstOrThrow();
  await addRevision(db, id, 1, input, now);
  await db.insertInto("questionCompetency").values([...new Set(input.competencyIds)].map((competencyId) => ({ questionId: id, competencyId }))).execute();
  await recordAudit(
    db,
    { actorUserId: actorId, action: "question.created", entityType: "question", entityId: id, after: input },
    now
  );
  return id;
}
async function addRevision(db, questionId, revision, input, now) {
  const { id } = await db.insertInto("questionRevision").values({
    questionId,
    revision,
    prompt: input.prompt,
    probes: input.probes,
    goodLooksLike: input.goodLooksLike,
    redFlags: input.redFlags,
    createdAt: now
  }).returning("id").executeTakeFirstOrThrow();
  await db.updateTable("question").set({ currentRevisionId: id }).where("id", "=", questionId).execute();
}

// src/lib/server/templates.ts
import { sql as sql13 } from "kysely";
async function assertTemplateNameFree(db, name, exceptId) {
  let query = db.selectFrom("loopTemplate").select("id").where(sql13`name = ${name} collate nocase`);
  if (exceptId !== void 0) query = query.where("id", "!=", exceptId);
  if (await query.executeTakeFirst())
    throw new InputError({ name: "A template with this name already exists" });
}
async function insertTemplate(db, actorId, input, now = Date.now()) {
  await assertTemplateNameFree(db, input.name);
  const { id } = await db.insertInto("loopTemplate").values({ ...input, archivedAt: null, createdAt: now, updatedAt: now }).returning("id").executeTakeFirstOrThrow();
  await recordAudit(
    db,
    { actorUserId: actorId, action: "template.created", entityType: "template", entityId: id, after: input },
    now
  );
  return id;
}
async function touchTemplate(db, templateId, now) {
  await db.updateTable("loopTemplate").set({ updatedAt: now }).where("id", "=", templateId).execute();
}
async function assertRoundReferences(db, input, keepCompetencyIds = []) {
  const competencyIds = [...new Set(input.competencyIds)];
  const competencies = await db.selectFrom("competency").select(["id", "archivedAt"]).where("id", "in", competencyIds).execute();
  const usable = competencies.filter((c) => c.archivedAt === null || keepCompetencyIds.includes(c.id));
  if (usable.length !== competencyIds.length) {
    throw new InputError({
      competencyIds: "Choose focus competencies from the library (archived ones cannot be added)"
    });
  }
  if (input.questionIds.length === 0) return;
  const linked = await db.selectFrom("questionCompetency").select("questionId").distinct().where("questionId", "in", input.questionIds).where("competencyId", "in", competencyIds).execute();
  if (linked.length !== new Set(input.questionIds).size) {
    throw new InputError({ questionIds: "Choose questions that assess this round\u2019s focus competencies" });
  }
}
async function writeRoundLinks(db, roundId, input) {
  await db.deleteFrom("templateRoundCompetency").where("roundId", "=", roundId).execute();
  await db.deleteFrom("templateRoundQuestion").where("roundId", "=", roundId).execute();
  await db.insertInto("templateRoundCompetency").values(
    [...new Set(input.competencyIds)].map((competencyId, position) => ({ roundId, competencyId, position }))
  ).execute();
  const questionIds = [...new Set(input.questionIds)];
  if (questionIds.length) {
    await db.insertInto("templateRoundQuestion").values(questionIds.map((questionId, position) => ({ roundId, questionId, position }))).execute();
  }
}
async function insertRound(db, actorId, templateId, input, now = Date.now()) {
  await assertRoundReferences(db, input);
  const last = await db.selectFrom("templateRound").select((eb) => eb.fn.max("position").as("position")).where("templateId", "=", templateId).executeTakeFirst();
  const { id } = await db.insertInto("templateRound").values({
    templateId,
    position: (last?.position ?? -1) + 1,
    title: input.title,
    kind: input.kind,
    format: input.format,
    durationMinutes: input.durationMinutes
  }).returning("id").executeTakeFirstOrThrow();
  await writeRoundLinks(db, id, input);
  await touchTemplate(db, templateId, now);
  await recordAudit(
    db,
    {
      actorUserId: actorId,
      action: "template.round_added",
      entityType: "template",
      entityId: templateId,
      after: input
    },
    now
  );
  return id;
}

// src/lib/server/library/default-content.ts
var defaultCompetencies = [
  // Technical
  {
    key: "coding",
    name: "Coding",
    kind: "technical",
    description: "Turning a problem into working, readable code: choosing suitable data structures, handling edge cases and checking the result with tests or careful tracing.",
    anchors: [
      "Could not produce working code for the main case even with hints; the code was disorganised and the candidate did not test or trace it.",
      "Reached a partly working solution only with substantial hints; missed obvious edge cases and found bugs only when the interviewer pointed them out.",
      "Wrote a correct, readable solution with clear names and structure, covered the main edge cases, and traced or tested it without being prompted.",
      "Wrote clean, well-factored code quickly, explained why they chose each data structure, wrote targeted tests, and adapted the code smoothly when the requirements changed."
    ]
  },
  {
    key: "system-design",
    name: "System design",
    kind: "technical",
    description: "Designing scalable, efficient systems: clarifying requirements, estimating load, modelling the data, choosing components and explaining the trade-offs between them.",
    anchors: [
      "Jumped straight to a list of technologies without clarifying requirements; there was no coherent data model and they could not explain how a request flows through the system.",
      "Produced a workable high-level design, but with little sizing and a vague data model; bottlenecks and failure modes came up only when the interviewer pointed at them.",
      "Clarified requirements and rough load, proposed a coherent design with a fitting data model, found the main bottleneck, and explained the trade-offs of the key choices.",
      "Drove the discussion with numbers, compared storage and consistency options, planned for failure, growth and day-to-day operation, and reworked the design cleanly when constraints changed."
    ]
  },
  {
    key: "problem-solving",
    name: "Problem solving",
    kind: "technical",
    description: "How the candidate approaches an unfamiliar problem: breaking it down, finding an algorithm, reasoning about complexity and optimising a first solution.",
    anchors: [
      "Could not break the problem down or propose any workable approach, not even a brute-force one; their reasoning stayed unclear and did not improve with hints.",
      "Found a brute-force approach but could not state its complexity, and improved on it only after the interviewer supplied the key insight.",
      "Worked through examples, stated a correct approach with its time and space complexity, and then found a meaningful optimisation with little help.",
      "Structured the problem quickly, compared several approaches by complexity, reached an efficient solution on their own, and extended it to a harder variant."
    ]
  },
  {
    key: "technical-knowledge",
    name: "Technical knowledge",
    kind: "technical",
    description: "Depth in the tools and platforms the role uses, such as containers, APIs, databases and cloud services: how they work underneath, where their limits are and how to run them in production.",
    anchors: [
      "Knew the tools only by name; could not describe how they work or how they had used them, and some answers were factually wrong.",
      "Described everyday use correctly but could not explain what happens underneath, or diagnose a problem beyond the obvious first step.",
      "Explained how the main tools work internally, gave real examples of running them in production, and reasoned correctly about their limits and failure modes.",
      "Explained internals and edge cases precisely, compared alternatives from first-hand experience, and shared operational lessons that others could apply directly."
    ]
  },
  {
    key: "code-reading-debugging",
    name: "Code reading and debugging",
    kind: "technical",
    description: "Understanding unfamiliar code quickly, spotting defects and risks, and finding the cause of a bug methodically through hypotheses, evidence and tests.",
    anchors: [
      "Could not explain what the code does; guessed at the cause of the bug at random and did not form or test any hypothesis.",
      "Followed the main path of the code but missed the defect or patched a symptom; debugging relied on trial and error rather than evidence.",
      "Read the code accurately, narrowed the bug down with clear hypotheses and checks, fixed the root cause, and proposed a test that would catch a regression.",
      "Found the root cause quickly along with related hidden issues, explained why existing tests missed it, and proposed changes that make the whole class of bug less likely."
    ]
  },
  // Leadership
  {
    key: "team-management",
    name: "Team management",
    kind: "leadership",
    description: "Running a team day to day: delegating work to the right people, resolving conflicts, and meeting deadlines without burning people out.",
    anchors: [
      "Could not give a real example of delegating or handling conflict; either did the work alone or left problems to sort themselves out.",
      "Gave examples of handing out tasks or stepping into a conflict, but did not match work to people, follow up, or reach a lasting resolution.",
      "Delegated deliberately by skill and growth, resolved a conflict through direct conversations with those involved, and met a deadline by adjusting scope or staffing with the team.",
      "Described a repeatable approach: clear ownership with agreed check-ins, conflict addressed early at its cause, and a team that kept delivering under pressure without people leaving."
    ]
  },
  {
    key: "project-delivery",
    name: "Project delivery",
    kind: "leadership",
    description: "Planning work, tracking progress, handling delays and controlling risk, so that projects land when promised or are re-planned honestly and early.",
    anchors: [
      "Could not describe how a project they led was planned or tracked; delays were discovered late and explained away as bad luck.",
      "Made a plan and tracked tasks, but dealt with risks only once they had hit, and stakeholders learned about slips late.",
      "Broke the work into milestones, tracked progress with clear signals, spotted a delay early, and re-planned scope or sequence with stakeholders before the date was missed.",
      "Tackled the riskiest unknowns first, coordinated delivery across several teams, and showed with dates and numbers that their projects landed predictably."
    ]
  },
  {
    key: "communication",
    name: "Communication",
    kind: "leadership",
    description: "Explaining technical ideas clearly, including to non-technical people, with a clear structure, the right level of detail and attention to whether the listener understood.",
    anchors: [
      "Answers were hard to follow and full of jargon; could not explain a technical idea in plain terms even when asked to simplify.",
      "Got the main point across, but the structure rambled or the detail was uneven; adjusted to the audience only when prompted.",
      "Led with the point and gave structured answers, explained a technical idea in plain language with a fitting example, and checked that the listener understood.",
      "Tailored the message to each audience without prompting, gave an example where their explanation changed a decision, and answered follow-ups crisply."
    ]
  },
  {
    key: "vision-and-strategy",
    name: "Vision and strategy",
    kind: "leadership",
    description: "Tying business aims to an engineering roadmap, prioritising by impact over effort, and balancing new work against reliability and technical health.",
    anchors: [
      "Could not connect their team\u2019s work to business goals; priorities were set by whoever asked loudest or by personal interest.",
      "Described a roadmap, but its link to business aims was loose and prioritisation did not weigh impact against effort or reliability.",
      "Built a roadmap from stated business goals, prioritised with explicit impact-versus-effort reasoning, and set aside capacity for reliability work with a clear rationale.",
      "Set a multi-quarter direction that other teams adopted, made the innovation-versus-reliability trade-offs visible to leadership, and showed how the strategy moved business results."
    ]
  },
  {
    key: "decision-making-under-pressure",
    name: "Decision-making under pressure",
    kind: "leadership",
    description: "Making sound calls under time pressure or uncertainty: weighing trade-offs, reasoning from the information available, and owning the outcome.",
    anchors: [
      "Avoided the decision or waited until events made it; could not explain the reasoning behind a call, or blamed others for how it turned out.",
      "Made the call eventually, with little explicit reasoning about options or risks, and did not revisit it when new information arrived.",
      "Laid out the options and trade-offs, decided in time with the information available, communicated the decision clearly, and owned its consequences.",
      "Made a high-stakes call quickly with sound reasoning, set checkpoints to revisit it, and described what the outcome taught them and how they now decide differently."
    ]
  },
  {
    key: "metrics-and-outcomes",
    name: "Metrics and outcomes",
    kind: "leadership",
    description: "Steering work with leading indicators such as cycle time, defect rate, time to restore and customer satisfaction, setting ambitious but honest targets, and avoiding metric gaming.",
    anchors: [
      "Could not name any metric they used, or judged success by activity such as hours worked or tickets closed.",
      "Tracked some metrics, but mostly lagging ones; set targets without a baseline, or did not see how a target could be gamed.",
      "Chose leading indicators tied to the goal, set targets from a baseline, acted on what the numbers showed, and paired measures to guard against gaming.",
      "Built a measurement habit that other teams adopted, used data to change a significant decision, and caught and replaced a metric that was driving the wrong behaviour."
    ]
  },
  {
    key: "people-development",
    name: "People development",
    kind: "leadership",
    description: "Growing people through mentoring, clear feedback and stretch goals, preparing successors, and making sure everyone on the team can contribute fully.",
    anchors: [
      "Could not give an example of helping someone grow; feedback was avoided or saved for the annual review.",
      "Gave feedback and mentoring when asked, but without specific goals or follow-up, and could not point to growth they enabled.",
      "Described specific feedback they gave and a stretch goal they set and supported, and named people who grew or were promoted as a result.",
      "Developed people who now lead teams or could succeed them, made concrete changes that made the team more inclusive, and handled hard performance feedback fairly to a clear outcome."
    ]
  },
  {
    key: "stakeholder-management",
    name: "Stakeholder management and influence",
    kind: "leadership",
    description: "Negotiating across product, design and delivery, keeping trust when interests conflict, influencing without authority, and escalating only when needed.",
    anchors: [
      "Described stakeholders as obstacles; disagreements were won or lost rather than resolved, or escalated at the first sign of friction.",
      "Kept stakeholders informed, but gave in or dug in rather than negotiating, and relationships suffered after disagreements.",
      "Understood each party\u2019s interests, negotiated a trade-off all sides accepted, kept trust through regular updates, and escalated only after direct attempts had failed.",
      "Influenced senior people without formal authority, turned a strained relationship into a productive one, and escalated rarely, presenting both sides fairly when they did."
    ]
  },
  {
    key: "business-translation",
    name: "Business translation",
    kind: "leadership",
    description: "Justifying technical investment in business terms: estimating cost and return, and explaining the trade-off between speed now and maintainability later.",
    anchors: [
      "Argued for technical work only in technical terms such as code quality, and could not estimate any cost or benefit.",
      "Mentioned business value in general terms but gave no figures, and did not weigh speed against maintainability explicitly.",
      "Framed a technical investment with estimated cost, expected return and the risk of not doing it, and explained the speed-versus-maintainability trade-off in plain terms.",
      "Won funding for significant technical work with a business case that held up afterwards, and repeatedly helped non-technical leaders make informed trade-offs."
    ]
  },
  {
    key: "ownership-and-resilience",
    name: "Ownership and resilience",
    kind: "leadership",
    description: "Taking responsibility for results including failures, learning and recovering after setbacks, and acting ethically when it is inconvenient.",
    anchors: [
      "Could not describe a failure of their own, or blamed other people and circumstances; showed no learning from setbacks.",
      "Admitted a failure but described it vaguely, took limited personal responsibility, and made few concrete changes afterwards.",
      "Described a real failure candidly, including their own part, what they did to recover, and a specific change they made that prevented a repeat.",
      "Owned a significant failure openly, led the recovery and a blameless review that changed team practice, and gave an example of doing the right thing at a personal cost."
    ]
  }
];
var defaultQuestions = [
  // Coding
  {
    key: "coding-rate-limiter",
    competencies: ["coding"],
    prompt: "Implement a rate limiter with a method allow(userId, timestamp) that returns true if the user has made fewer than N allowed requests in the last W seconds, and false otherwise. Start with the simplest correct version, then improve it.",
    probes: [
      "What happens at the exact boundary of the window?",
      "How much memory does your solution use per user, and can you bound it?",
      "Which tests would you write first, and why those?",
      "What would change if several servers shared the limit?"
    ],
    goodLooksLike: "Writes a correct sliding-window solution, for example a queue of timestamps or bucketed counters per user, with clear names. Tests the window boundary and discusses cleaning up idle users.",
    redFlags: "Cannot get the basic case working, or uses a fixed window without noticing the burst it allows at the boundary. Declares the code done without tracing or testing it."
  },
  {
    key: "coding-free-slots",
    competencies: ["coding"],
    prompt: "Given a person\u2019s bookings for one day as a list of start and end times, write a function that returns every free slot of at least a given length within working hours. The bookings are not sorted and may overlap.",
    probes: [
      "How do you handle bookings that overlap or touch?",
      "What is the time complexity of your approach?",
      "How did you choose your test cases?",
      "How would you extend this to find slots when several people are all free?"
    ],
    goodLooksLike: "Sorts and merges the bookings, then walks the gaps, clipping them to working hours. Handles empty input, touching bookings and bookings outside working hours, and tests those cases.",
    redFlags: "Compares every booking with every other without a plan, or misses overlapping bookings. Leaves off-by-one errors at the start or end of the day unnoticed."
  },
  {
    key: "coding-slow-endpoints",
    competencies: ["coding"],
    prompt: "Write a function that reads lines from a web server access log and returns the ten endpoints with the highest 95th percentile response time. Some lines are malformed.",
    probes: [
      "What do you do with malformed lines: skip them, count them or fail?",
      "How do you compute the percentile, and what does your choice cost?",
      "How would the code change if the log did not fit in memory?",
      "How have you structured the code so that it is easy to test?"
    ],
    goodLooksLike: "Separates parsing, grouping and ranking into small functions, handles malformed lines explicitly and computes the percentile correctly. Can explain an approximate approach for very large logs.",
    redFlags: "Writes one long function that mixes parsing and maths, or crashes on the first bad line. Uses the mean and calls it a percentile."
  },
  // System design
  {
    key: "design-notification-service",
    competencies: ["system-design"],
    prompt: "Design a service that other teams call to send notifications by email, push and SMS to 50 million users, respecting each user\u2019s preferences and quiet hours, and reporting whether each message was delivered.",
    probes: [
      "What load do you expect at peak, and how did you estimate it?",
      "How do you avoid sending the same notification twice?",
      "What happens when an email or SMS provider is down for an hour?",
      "How would you store preferences and delivery status?",
      "Which part would you build first, and why?"
    ],
    goodLooksLike: "Clarifies volumes and latency needs, puts a queue between intake and sending, and uses idempotency keys and retries with back-off. Models preferences and delivery status separately and explains the trade-offs.",
    redFlags: "Sends synchronously from the calling request with no queue or retries. Cannot say what happens when a provider fails, or ignores duplicates entirely."
  },
  {
    key: "design-ticket-booking",
    competencies: ["system-design"],
    prompt: "Design a ticketing system for concerts where popular events sell out within minutes and no seat may ever be sold twice. Buyers choose a seat, hold it while paying, and lose it if they do not pay in time.",
    probes: [
      "How do you guarantee a seat is never sold twice?",
      "How do seat holds expire, and what happens if a payment succeeds after the hold expired?",
      "How does the design cope with a sudden spike of a hundred times normal traffic?",
      "What data model would you use for events, seats and orders?"
    ],
    goodLooksLike: "Identifies seat reservation as the consistency-critical path and protects it with a transaction, conditional update or lock with expiry. Absorbs spikes with a waiting room or queue and caches the read-heavy parts.",
    redFlags: "Relies on checking availability and then writing, with nothing to stop two buyers in between. Proposes scaling everything the same way without finding the hot spot."
  },
  {
    key: "design-usage-analytics",
    competencies: ["system-design"],
    prompt: "Design a system that collects usage events from mobile apps, stores them, and lets product teams query daily active users and conversion funnels with results no more than an hour old.",
    probes: [
      "How do events get from the phone to storage when the phone is offline?",
      "How would you model and partition the stored events?",
      "How do you handle late and duplicate events?",
      "What would you precompute, and what would you leave to query time?",
      "How would you keep storage costs under control as volume grows?"
    ],
    goodLooksLike: "Batches events on the device, ingests through a durable log, and stores them in a columnar, time-partitioned layout. Deduplicates by event ID and is explicit about what is precomputed.",
    redFlags: "Writes every event straight into a single relational table without considering volume. Ignores offline devices, duplicates or the one-hour freshness requirement."
  },
  // Problem solving
  {
    key: "problem-build-order",
    competencies: ["problem-solving"],
    prompt: "You are given build tasks, each with a duration and a list of tasks it depends on. With unlimited parallel workers, work out the shortest time to finish everything, and report an error if the dependencies contain a cycle.",
    probes: [
      "Can you walk through a small example by hand before coding?",
      "How do you detect the cycle, and what would you report to the user?",
      "What is the complexity of your approach?",
      "How would the answer change if there were only two workers?"
    ],
    goodLooksLike: "Recognises a graph problem, uses a topological order to compute earliest finish times, and detects cycles along the way. Sees that a limited number of workers makes the problem much harder.",
    redFlags: "Tries orderings at random or sums all durations. Cannot explain how the approach would detect a cycle."
  },
  {
    key: "problem-typo-search",
    competencies: ["problem-solving"],
    prompt: "Given a list of two million product names, suggest the closest matches for a misspelt search term as the user types. Start from a simple approach and work towards one fast enough to answer within 50 milliseconds.",
    probes: [
      "How do you measure how close two words are?",
      "What does your simple approach cost per keystroke?",
      "How could you avoid comparing against every product name?",
      "What trade-offs does your faster approach make in quality or memory?"
    ],
    goodLooksLike: "Defines a distance such as edit distance, estimates the cost of a full scan, then narrows the candidates with a prefix tree, n-gram index or similar. Reasons clearly about speed versus quality.",
    redFlags: "Cannot define what closest means, or proposes a full scan and stops there. Cannot estimate the cost of any approach."
  },
  {
    key: "problem-split-jobs",
    competencies: ["problem-solving"],
    prompt: "A list of jobs with known durations must be split across k machines, keeping the jobs in their given order so that each machine takes a consecutive run. Minimise the time at which the last machine finishes.",
    probes: [
      "What is a brute-force solution, and how slow is it?",
      "If I give you a time limit, can you check whether it is achievable?",
      "How can that check lead to an efficient solution?",
      "What changes if the jobs may be reordered freely?"
    ],
    goodLooksLike: "Moves from brute force to a greedy feasibility check and a binary search over the answer, or to dynamic programming, with correct complexity. Recognises that free reordering needs heuristics.",
    redFlags: "Cannot produce any correct solution, even a slow one. Claims an approach is optimal without being able to justify it."
  },
  // Technical knowledge
  {
    key: "knowledge-containers",
    competencies: ["technical-knowledge"],
    prompt: "Take a containerised service you have run in production. Walk me through what happens from building the image to the process serving traffic: layers, isolation, resource limits and health checks.",
    probes: [
      "What actually isolates one container from another on the same host?",
      "What happens when the container exceeds its memory limit?",
      "How did you keep images small and secure?",
      "How did your health checks decide when to restart or stop sending traffic?"
    ],
    goodLooksLike: "Explains layers and caching, namespaces and control groups, and the difference between liveness and readiness, using examples from their own service. Knows what happens when limits are hit.",
    redFlags: "Describes containers as lightweight virtual machines and cannot go further. Has only copied configuration without understanding it."
  },
  {
    key: "knowledge-http-api",
    competencies: ["technical-knowledge"],
    prompt: "Describe an HTTP API you built that other teams or customers depend on. How did you handle versioning, pagination, errors, authentication and retries that could repeat a request?",
    probes: [
      "How did you make a breaking change without breaking clients?",
      "Which pagination approach did you use, and what were its drawbacks?",
      "How do you make a POST request safe to retry?",
      "How did clients learn what went wrong from your error responses?"
    ],
    goodLooksLike: "Gives concrete choices with reasons, such as cursor pagination, idempotency keys and a consistent error format. Describes how a real breaking change was rolled out and what they learned.",
    redFlags: "Cannot say how clients handle retries or errors. Talks only in general terms with no API of their own to describe."
  },
  {
    key: "knowledge-database",
    competencies: ["technical-knowledge"],
    prompt: "Pick a database you have used in production. Explain how it handles indexes, transactions and concurrent writes, and describe a performance problem you diagnosed with it.",
    probes: [
      "How did you find the slow query, and what did the query plan show?",
      "Which isolation level did you rely on, and what anomalies does it allow?",
      "When would you not add an index?",
      "What did you change, and how much did it help?"
    ],
    goodLooksLike: "Explains index structures, isolation levels and locking accurately for their database, and diagnoses the problem from evidence such as query plans. Quantifies the improvement.",
    redFlags: "Says the fix was to add an index without knowing why it helped. Confuses isolation levels or cannot describe any concurrency problem."
  },
  // Code reading and debugging
  {
    key: "debug-stale-cache",
    competencies: ["code-reading-debugging"],
    prompt: "Read this 40-line caching wrapper around a settings endpoint, which keeps responses for five minutes. Users report sometimes seeing another account\u2019s settings. Explain what the code does, then find and fix the bug. (The cache key is built from the request path without the query string.)",
    probes: [
      "Before changing anything, what are your hypotheses?",
      "How would you confirm the cause rather than guess it?",
      "Why did the existing tests not catch this?",
      "Beyond the fix, what would you change so this cannot happen again?"
    ],
    goodLooksLike: "Reads the code aloud accurately, traces two requests for different users through the cache, and finds that the key ignores the query string. Fixes the key and adds a test with two users.",
    redFlags: "Suggests turning the cache off or shortening the expiry without finding the cause. Changes code at random and cannot explain why the fix works."
  },
  {
    key: "debug-flaky-total",
    competencies: ["code-reading-debugging"],
    prompt: "A test that checks an order total passes locally but fails about one run in twenty in CI. The code splits the order lines across worker threads, and each worker adds its subtotal to a shared total. Read the code, explain the failure and fix it.",
    probes: [
      "Why would this fail only sometimes, and more often in CI?",
      "How could you reproduce the failure reliably?",
      "What are the options for fixing it, and which would you choose?",
      "Is parallelism worth having here at all?"
    ],
    goodLooksLike: "Spots the unsynchronised read-modify-write on the shared total and explains the race. Fixes it by combining per-worker results or using an atomic update, and questions whether threads are needed.",
    redFlags: "Retries the test or adds a sleep. Blames the CI environment without reading the code closely."
  },
  {
    key: "debug-pagination-review",
    competencies: ["code-reading-debugging"],
    prompt: "Review this 80-line pull request that adds pagination to a list endpoint. Leave the comments you would post, in order of importance. (It contains an off-by-one page offset, an unbounded page size and no test for the last page.)",
    probes: [
      "Which comment would block the merge, and which are suggestions?",
      "What input would show the offset bug?",
      "What could a client do with an unbounded page size?",
      "How would you word the comment to the author?"
    ],
    goodLooksLike: "Finds the offset bug by working through a concrete page, flags the unbounded page size as a risk, and asks for tests at the edges. Separates blocking issues from style, and words comments constructively.",
    redFlags: "Comments only on formatting or naming and misses the defects. Writes comments that are vague or dismissive of the author."
  },
  // Team management
  {
    key: "team-delegation",
    competencies: ["team-management"],
    prompt: "Tell me about a time when you delegated an important piece of work that you could have done faster yourself.",
    probes: [
      "Why did you choose that person?",
      "What did you agree up front about the outcome and how you would check in?",
      "What did you personally do when it started to go differently from how you would have done it?",
      "What was the result, for the work and for the person?"
    ],
    goodLooksLike: "Chose the person deliberately for skill or growth, agreed the outcome and check-ins, and resisted taking the work back. Can describe both the delivery result and how the person developed.",
    redFlags: "Delegated only unwanted tasks, or took the work back at the first problem. Cannot say what happened to the person or the work afterwards."
  },
  {
    key: "team-conflict",
    competencies: ["team-management"],
    prompt: "Describe a specific situation where two people on your team were in conflict and it was affecting the work.",
    probes: [
      "How did you first notice, and how long had it been going on?",
      "What did you personally say or do, and in what order?",
      "How did you make sure you understood both sides?",
      "What changed afterwards, and how did you know it had lasted?"
    ],
    goodLooksLike: "Acted early, spoke to each person and then together, and focused on the work and behaviour rather than blame. Can point to a lasting change in how the two worked together.",
    redFlags: "Ignored the conflict until it escalated, or decided who was right without hearing both sides. Describes a resolution that lasted only a few days."
  },
  {
    key: "team-deadline",
    competencies: ["team-management"],
    prompt: "Tell me about a time when your team was at risk of missing an important deadline. What did you do?",
    probes: [
      "When did you realise the deadline was at risk, and how?",
      "What options did you consider, and why did you choose the one you did?",
      "How did you protect the team from burning out?",
      "Did you meet the deadline, and what did it cost?"
    ],
    goodLooksLike: "Spotted the risk early, involved the team in choosing between cutting scope, adding help or moving the date, and kept working hours sustainable. Is honest about the outcome and its cost.",
    redFlags: "Relied on the team working nights and weekends as the plan. Took all the credit, or blamed the team for the risk."
  },
  // Project delivery
  {
    key: "delivery-slipped-project",
    competencies: ["project-delivery"],
    prompt: "Tell me about a project you led that fell behind schedule. How did you find out, and what did you do?",
    probes: [
      "What signals told you it was slipping, and how early?",
      "What did you personally change in the plan?",
      "How and when did you tell stakeholders?",
      "How late did it land compared with the original date, and what would you do differently?"
    ],
    goodLooksLike: "Had tracking that showed the slip early, re-planned scope or sequence, and told stakeholders before the date was at risk. Gives the actual outcome and a concrete lesson.",
    redFlags: "Found out at the deadline, or hid the slip until it could not be hidden. Attributes the delay entirely to others."
  },
  {
    key: "delivery-planning",
    competencies: ["project-delivery"],
    prompt: "Describe a specific project where you planned a large piece of work from scratch. How did you break it down and track it?",
    probes: [
      "How did you break the work into milestones?",
      "How did you estimate, and how accurate were the estimates in the end?",
      "What did you track week to week, and who saw it?",
      "What did you deliver first, and why?"
    ],
    goodLooksLike: "Broke the work into milestones that each delivered something usable, estimated with ranges, and tracked progress visibly. Compares the plan with what actually happened.",
    redFlags: "Made a single big plan with no checkpoints. Cannot say how accurate the plan turned out to be."
  },
  {
    key: "delivery-risk",
    competencies: ["project-delivery"],
    prompt: "Tell me about a time when you spotted a major risk to a project before it became a problem.",
    probes: [
      "How did you identify the risk?",
      "What did you personally do to reduce it, and when?",
      "Who did you involve, and why them?",
      "What would have happened if you had not acted, and how do you know?"
    ],
    goodLooksLike: "Looked for risks deliberately, for example by prototyping the riskiest part early, and acted before the risk hit. Can estimate the impact avoided.",
    redFlags: "Describes only risks that had already become problems. Identified the risk but left it for someone else to handle."
  },
  // Communication
  {
    key: "comm-explain-non-technical",
    competencies: ["communication"],
    prompt: "Tell me about a time when you had to explain a complex technical problem or decision to someone without a technical background.",
    probes: [
      "Who was the audience, and what did they need to decide or do?",
      "How did you structure the explanation, and what did you leave out?",
      "How did you check that they had understood?",
      "What happened as a result?"
    ],
    goodLooksLike: "Started from what the audience needed, used plain language and an apt comparison, and checked understanding. The explanation led to a clear decision or action.",
    redFlags: "Blames the audience for not understanding. Cannot explain the same problem in plain terms in the interview."
  },
  {
    key: "comm-written-influence",
    competencies: ["communication"],
    prompt: "Describe a specific situation where something you wrote, such as a design document, proposal or incident report, changed what people did.",
    probes: [
      "Who was it written for, and how did that shape its structure?",
      "What did you put first, and why?",
      "What feedback did you get, and what did you change?",
      "What did readers do differently afterwards?"
    ],
    goodLooksLike: "Wrote for a specific reader, led with the conclusion or ask, and revised based on feedback. Can name the concrete change the document caused.",
    redFlags: "Cannot recall anything they wrote that had an effect. Describes long documents that nobody read."
  },
  {
    key: "comm-misunderstanding",
    competencies: ["communication"],
    prompt: "Tell me about a time when a misunderstanding you were part of caused a problem. What happened, and what did you change?",
    probes: [
      "Where exactly did the misunderstanding start?",
      "What was your part in it?",
      "What did you do to put it right?",
      "What do you now do differently, and has it worked?"
    ],
    goodLooksLike: "Traces the misunderstanding to its source, owns their part in it, and describes a specific change in how they communicate, with evidence that it helped.",
    redFlags: "Places all the blame on the other party. Draws no lesson, or only a generic one such as to communicate more."
  },
  // Vision and strategy
  {
    key: "strategy-roadmap",
    competencies: ["vision-and-strategy"],
    prompt: "Tell me about a time when you turned business goals into an engineering roadmap.",
    probes: [
      "What were the business goals, and where did they come from?",
      "How did you decide what went on the roadmap and what did not?",
      "Who did you involve, and how did you get agreement?",
      "How did you measure whether the roadmap delivered on the goals?"
    ],
    goodLooksLike: "Starts from explicit business goals, shows how each roadmap item served them, and explains what was left out and why. Can point to results against the goals.",
    redFlags: "The roadmap was a list of technical wishes or requests. Cannot explain how it connected to the business."
  },
  {
    key: "strategy-prioritisation",
    competencies: ["vision-and-strategy"],
    prompt: "Describe a specific situation where you had several valuable projects competing for your team but capacity for only some of them.",
    probes: [
      "How did you compare impact and effort?",
      "What did you personally decide, and what did you say no to?",
      "How did you explain the decision to those who lost out?",
      "Looking back, was it the right choice, and how do you know?"
    ],
    goodLooksLike: "Compared options explicitly on impact and effort, made a clear choice, and explained it to those affected. Reviews the outcome honestly.",
    redFlags: "Tried to do everything at once, or chose by gut feeling or the loudest voice. Cannot say what they turned down."
  },
  {
    key: "strategy-innovation-reliability",
    competencies: ["vision-and-strategy"],
    prompt: "Tell me about a time when you had to balance building new features against improving reliability or paying down technical debt.",
    probes: [
      "What told you reliability or technical debt needed attention?",
      "How did you decide how much capacity to give each?",
      "How did you get buy-in from product and leadership?",
      "What happened to reliability and to feature delivery afterwards?"
    ],
    goodLooksLike: "Used evidence such as incident rates or slowing delivery to size the problem, agreed an explicit split of capacity, and shows the effect on both reliability and features.",
    redFlags: "Treats reliability and features as all-or-nothing. Cannot show any effect of the choice they made."
  },
  // Decision-making under pressure
  {
    key: "decision-incident-call",
    competencies: ["decision-making-under-pressure"],
    prompt: "Tell me about a time when you had to make an important call during an incident or outage with incomplete information.",
    probes: [
      "What options did you have, and what did you know at the time?",
      "How did you decide, and how long did it take?",
      "How did you communicate the decision, and to whom?",
      "What was the outcome, and would you make the same call again?"
    ],
    goodLooksLike: "Stated the options and risks clearly, made a timely call such as rolling back, and communicated it. Owns the outcome and reflects on it honestly.",
    redFlags: "Waited for certainty while the impact grew, or cannot explain why they chose as they did. Shifts responsibility for the call to others."
  },
  {
    key: "decision-contested",
    competencies: ["decision-making-under-pressure"],
    prompt: "Describe a specific situation where you made a decision under a tight deadline that some people disagreed with.",
    probes: [
      "What were the trade-offs?",
      "How did you take the disagreement into account?",
      "What did you do once the decision was made?",
      "What was the result, and what did those who disagreed say afterwards?"
    ],
    goodLooksLike: "Heard the objections, weighed them against the deadline, decided, and explained the reasoning. Kept the team together afterwards and checked the outcome.",
    redFlags: "Overrode people without listening, or let the deadline pass to avoid conflict. Cannot state the trade-offs involved."
  },
  {
    key: "decision-wrong-call",
    competencies: ["decision-making-under-pressure"],
    prompt: "Tell me about a time when a decision you made under pressure turned out to be wrong.",
    probes: [
      "What did you know when you made it?",
      "When and how did you realise it was wrong?",
      "What did you personally do next?",
      "How has it changed the way you make decisions?"
    ],
    goodLooksLike: "Separates a sound process from a bad outcome, corrected course quickly, and describes a concrete change in how they decide.",
    redFlags: "Cannot name a wrong decision, or blames the information they were given. Took no corrective action."
  },
  // Metrics and outcomes
  {
    key: "metrics-find-problem",
    competencies: ["metrics-and-outcomes"],
    prompt: "Tell me about a time when you used metrics to find and fix a problem in how your team delivered software.",
    probes: [
      "Which metrics did you look at, and why those?",
      "What did the numbers show, and what did you do about it?",
      "How did you involve the team in interpreting the data?",
      "How did the numbers move afterwards, and over what period?"
    ],
    goodLooksLike: "Used leading indicators such as cycle time, defect rate or time to restore, found a specific cause, and acted on it. Shows the before and after numbers.",
    redFlags: "Relies on impressions rather than data, or uses output measures such as lines of code. Cannot say whether anything improved."
  },
  {
    key: "metrics-set-target",
    competencies: ["metrics-and-outcomes"],
    prompt: "Describe a specific situation where you set a target for your team. How did you choose it, and how did it turn out?",
    probes: [
      "What was the baseline?",
      "How did you make the target ambitious but realistic?",
      "How did you track progress, and who saw it?",
      "Did you hit it, and what did you do if not?"
    ],
    goodLooksLike: "Started from a measured baseline, set a stretching but honest target, and reported progress openly. Discusses a miss as candidly as a success.",
    redFlags: "Set targets with no baseline, or moved the target to claim success. Cannot say whether the target was met."
  },
  {
    key: "metrics-gaming",
    competencies: ["metrics-and-outcomes"],
    prompt: "Tell me about a time when a metric was encouraging the wrong behaviour. How did you notice, and what did you do?",
    probes: [
      "What behaviour was the metric driving?",
      "How did you spot it?",
      "What did you replace or add, and why?",
      "What changed afterwards?"
    ],
    goodLooksLike: "Noticed the gap between the number and the real outcome, changed or paired the metric, and spoke openly with the team about it. Shows that behaviour improved.",
    redFlags: "Has never questioned a metric, or punished people for gaming instead of fixing the incentive."
  },
  // People development
  {
    key: "people-growth",
    competencies: ["people-development"],
    prompt: "Tell me about someone whose growth you significantly helped. What was your part?",
    probes: [
      "Where did they start, and what did they want to achieve?",
      "What stretch goal did you set, and how did you support it?",
      "What feedback did you give along the way?",
      "Where are they now, and could they take over part of your role?"
    ],
    goodLooksLike: "Describes a specific plan with stretch goals, regular feedback and support, and a concrete result such as a promotion or a new responsibility. Thinks about succession.",
    redFlags: "Takes credit for growth they did not influence. Describes only general encouragement with no goals or follow-up."
  },
  {
    key: "people-hard-feedback",
    competencies: ["people-development"],
    prompt: "Describe a specific situation where you had to give someone difficult feedback about their performance or behaviour.",
    probes: [
      "How did you prepare?",
      "What exactly did you say?",
      "How did they react, and how did you respond?",
      "What changed afterwards, and how did you follow up?"
    ],
    goodLooksLike: "Gave feedback promptly, based on specific observed behaviour and its impact, agreed next steps, and followed up. Treated the person with respect throughout.",
    redFlags: "Put the conversation off for months, or delivered it vaguely or harshly. Did not follow up."
  },
  {
    key: "people-inclusion",
    competencies: ["people-development"],
    prompt: "Tell me about a time when you changed how your team worked so that everyone could contribute fully.",
    probes: [
      "What did you notice that made you act?",
      "What did you change, specifically?",
      "How did you know whose voices were not being heard?",
      "What was the effect, and how did you measure it?"
    ],
    goodLooksLike: "Noticed a concrete pattern, such as the same people always speaking in meetings or getting the best projects, and made a specific change. Checked its effect.",
    redFlags: "Speaks about inclusion only in general terms, or has never noticed an imbalance in their team."
  },
  // Stakeholder management and influence
  {
    key: "stakeholder-negotiation",
    competencies: ["stakeholder-management"],
    prompt: "Tell me about a time when product, design and engineering wanted different things and you had to find a way forward.",
    probes: [
      "What did each party want, and why?",
      "What did you personally propose?",
      "What did you give up, and what did you hold firm on?",
      "How was the relationship afterwards?"
    ],
    goodLooksLike: "Understood each party\u2019s underlying interests, proposed a trade-off that addressed them, and kept the relationships intact. Can describe the outcome for all sides.",
    redFlags: "Frames the story as engineering winning. Gave in entirely to avoid conflict, or escalated straight away."
  },
  {
    key: "stakeholder-rebuild-trust",
    competencies: ["stakeholder-management"],
    prompt: "Describe a specific situation where you had to rebuild trust with a stakeholder after something went wrong.",
    probes: [
      "What went wrong, and how did it affect them?",
      "What did you personally do first?",
      "How did you keep them informed afterwards?",
      "How did you know trust had been restored?"
    ],
    goodLooksLike: "Acknowledged the problem directly, made and kept specific commitments, and communicated regularly. Has evidence that the relationship recovered.",
    redFlags: "Defends their team without acknowledging the impact. Relies on a single apology with no follow-up."
  },
  {
    key: "stakeholder-escalation",
    competencies: ["stakeholder-management"],
    prompt: "Tell me about a time when you decided to escalate a disagreement, or decided not to.",
    probes: [
      "What had you tried before considering escalation?",
      "How did you decide whether to escalate?",
      "How did you present the situation, and did you include the other side\u2019s view?",
      "What was the outcome for the decision and for the relationship?"
    ],
    goodLooksLike: "Escalated only after direct attempts failed, told the other party first, and framed both positions fairly. The relationship survived.",
    redFlags: "Escalates by default or behind people\u2019s backs. Describes escalation as a way to win."
  },
  // Business translation
  {
    key: "business-case",
    competencies: ["business-translation"],
    prompt: "Tell me about a time when you persuaded non-technical leaders to fund technical work that would not produce visible features.",
    probes: [
      "How did you estimate the cost and the expected return?",
      "What would have happened if the work had not been done?",
      "What questions did the leaders ask, and how did you answer?",
      "Did the work deliver the return you promised?"
    ],
    goodLooksLike: "Built a case in business terms such as cost, revenue, risk or speed of delivery, with rough figures. Followed up afterwards to show whether it paid off.",
    redFlags: "Argued only that the code was bad or the technology was old. Has no idea whether the investment paid off."
  },
  {
    key: "business-speed-maintainability",
    competencies: ["business-translation"],
    prompt: "Describe a specific situation where you had to choose between shipping quickly and building something maintainable. How did you explain the trade-off?",
    probes: [
      "What was the business pressure to ship quickly?",
      "How did you put the cost of the shortcut into terms others could weigh?",
      "What did you decide, and who agreed?",
      "What did the choice cost or save later?"
    ],
    goodLooksLike: "Made the trade-off explicit in business terms, agreed the choice with the business, and planned how to repay any shortcut. Reports what happened later.",
    redFlags: "Always insists on the maintainable option regardless of context, or always ships fast with no plan for the debt."
  },
  {
    key: "business-cost-reduction",
    competencies: ["business-translation"],
    prompt: "Tell me about a time when you reduced the cost of running a system or process. How did you measure the cost and the return?",
    probes: [
      "How did you find where the money was going?",
      "What did you change, and what did the change cost?",
      "How did you present the result, and to whom?",
      "What were the savings over a year?"
    ],
    goodLooksLike: "Measured the cost before and after, weighed the effort against the saving, and reported the result in money or time saved.",
    redFlags: "Cannot give any figures. Cut costs in a way that shifted them elsewhere without noticing."
  },
  // Ownership and resilience
  {
    key: "ownership-failure",
    competencies: ["ownership-and-resilience"],
    prompt: "Tell me about a time when something you were responsible for failed.",
    probes: [
      "What was your own part in the failure?",
      "What did you do in the first hours and days?",
      "What changed afterwards, in your work or the team\u2019s?",
      "How do you know the change worked?"
    ],
    goodLooksLike: "Describes a real failure candidly, names their own part without excessive self-blame, and led a recovery. Points to a lasting change in practice.",
    redFlags: "Offers a disguised success, or blames others and circumstances. Cannot say what they learned."
  },
  {
    key: "ownership-setback",
    competencies: ["ownership-and-resilience"],
    prompt: "Describe a specific situation where you faced a serious setback and had to keep going.",
    probes: [
      "What made it a serious setback for you?",
      "What did you personally do to keep things moving?",
      "Where did you get support, and who did you support?",
      "What was the outcome, and what would you do differently?"
    ],
    goodLooksLike: "Stayed constructive, adapted the plan, and kept others going as well as themselves. Can describe the outcome and a lesson they now apply.",
    redFlags: "Gave up or disengaged, or describes pushing on alone without adapting. Shows no reflection."
  },
  {
    key: "ownership-ethics",
    competencies: ["ownership-and-resilience"],
    prompt: "Tell me about a time when you were asked, or tempted, to do something you thought was wrong. What did you do?",
    probes: [
      "What exactly was being asked, and by whom?",
      "What options did you see?",
      "What did you do, and what did it cost you?",
      "How did it turn out?"
    ],
    goodLooksLike: "Recognised the issue, raised it openly with the right people, and acted on their principles even at a cost. Handled it without drama or self-righteousness.",
    redFlags: "Went along with it without question, or cannot see why it was a problem. Describes the situation mainly to criticise others."
  }
];
var defaultTemplates = [
  {
    name: "Senior Software Engineer",
    description: "A five-round loop for senior individual contributors, weighing hands-on engineering depth alongside ownership, delivery and collaboration.",
    visibilityMode: "after_own",
    rounds: [
      {
        title: "Coding",
        kind: "technical",
        format: "coding",
        durationMinutes: 60,
        competencies: ["coding", "problem-solving"],
        questions: ["coding-rate-limiter", "problem-build-order"]
      },
      {
        title: "System design",
        kind: "technical",
        format: "system_design",
        durationMinutes: 60,
        competencies: ["system-design", "communication"],
        questions: ["design-notification-service", "design-ticket-booking"]
      },
      {
        title: "Code reading and debugging",
        kind: "technical",
        format: "code_review",
        durationMinutes: 45,
        competencies: ["code-reading-debugging", "coding", "problem-solving"],
        questions: ["debug-stale-cache", "debug-flaky-total"]
      },
      {
        title: "Ownership and communication",
        kind: "leadership",
        format: "behavioural",
        durationMinutes: 45,
        competencies: ["ownership-and-resilience", "communication"],
        questions: ["ownership-failure", "comm-explain-non-technical", "ownership-setback"]
      },
      {
        title: "Delivery and collaboration",
        kind: "leadership",
        format: "behavioural",
        durationMinutes: 45,
        competencies: ["project-delivery", "stakeholder-management", "ownership-and-resilience"],
        questions: ["delivery-slipped-project", "stakeholder-negotiation", "delivery-risk"]
      }
    ]
  },
  {
    name: "Engineering Manager",
    description: "A six-round loop for engineering managers, checking enough technical depth to guide design decisions and the leadership to build, grow and steer a team.",
    visibilityMode: "after_all",
    rounds: [
      {
        title: "System design discussion",
        kind: "technical",
        format: "system_design",
        durationMinutes: 60,
        competencies: ["system-design", "communication"],
        questions: ["design-usage-analytics", "design-ticket-booking"]
      },
      {
        title: "Technical depth",
        kind: "technical",
        format: "technical_knowledge",
        durationMinutes: 45,
        competencies: ["technical-knowledge", "business-translation"],
        questions: ["knowledge-http-api", "knowledge-database", "business-speed-maintainability"]
      },
      {
        title: "Team leadership and people development",
        kind: "leadership",
        format: "behavioural",
        durationMinutes: 60,
        competencies: ["team-management", "people-development"],
        questions: ["team-conflict", "people-growth", "people-hard-feedback"]
      },
      {
        title: "Delivery and metrics",
        kind: "leadership",
        format: "behavioural",
        durationMinutes: 45,
        competencies: ["project-delivery", "metrics-and-outcomes", "team-management"],
        questions: ["delivery-slipped-project", "metrics-find-problem", "team-deadline"]
      },
      {
        title: "Strategy presentation",
        kind: "leadership",
        format: "presentation",
        durationMinutes: 60,
        competencies: ["vision-and-strategy", "business-translation", "metrics-and-outcomes"],
        questions: ["strategy-roadmap", "strategy-innovation-reliability", "business-case"]
      },
      {
        title: "Stakeholders and decisions",
        kind: "leadership",
        format: "situational",
        durationMinutes: 45,
        competencies: ["stakeholder-management", "decision-making-under-pressure", "communication"],
        questions: ["stakeholder-negotiation", "decision-incident-call", "stakeholder-escalation"]
      }
    ]
  }
];

// src/lib/server/library/install.ts
var installedKey = "default_library_installed_at";
async function installDefaultLibrary(db, now = Date.now()) {
  return db.transaction().execute(async (trx) => {
    const installed = await trx.selectFrom("meta").select("value").where("key", "=", installedKey).executeTakeFirst();
    if (installed) return false;
    const competencyIds = /* @__PURE__ */ new Map();
    for (const c of defaultCompetencies) {
      const [anchor1, anchor2, anchor3, anchor4] = c.anchors;
      const id = await insertCompetency(
        trx,
        null,
        { name: c.name, kind: c.kind, description: c.description, anchor1, anchor2, anchor3, anchor4 },
        now
      );
      competencyIds.set(c.key, id);
    }
    const idOf = (map, key2) => {
      const id = map.get(key2);
      if (id === void 0) throw new Error(`default library: unknown key ${key2}`);
      return id;
    };
    const questionIds = /* @__PURE__ */ new Map();
    for (const q of defaultQuestions) {
      const id = await insertQuestion(
        trx,
        null,
        {
          prompt: q.prompt,
          probes: q.probes.join("\n"),
          goodLooksLike: q.goodLooksLike,
          redFlags: q.redFlags,
          competencyIds: q.competencies.map((key2) => idOf(competencyIds, key2))
        },
        now
      );
      questionIds.set(q.key, id);
    }
    for (const t of defaultTemplates) {
      const templateId = await insertTemplate(
        trx,
        null,
        {
          name: t.name,
          description: t.description,
          visibilityMode: t.visibilityMode,
          evidenceRule: "required"
        },
        now
      );
      for (const round of t.rounds) {
        await insertRound(
          trx,
          null,
          templateId,
          {
            title: round.title,
            kind: round.kind,
            format: round.format,
            durationMinutes: round.durationMinutes,
            competencyIds: round.competencies.map((key2) => idOf(competencyIds, key2)),
            questionIds: round.questions.map((key2) => idOf(questionIds, key2))
          },
          now
        );
      }
    }
    await trx.insertInto("meta").values({ key: installedKey, value: String(now) }).execute();
    return true;
  });
}

// src/lib/server/prepare.ts
async function prepareDatabase(db) {
  const applied = await migrateToLatest(db);
  await installDefaultLibrary(db);
  await buildCalibrationAggregates(db);
  await buildCalibrationMonths(db);
  return applied;
}

// src/lib/server/auth/session.ts
var hour = 60 * 60 * 1e3;
var defaultSessionPolicy = {
  idleTimeoutMs: 72 * hour,
  absoluteLifetimeMs: 14 * 24 * hour,
  activityCheckIntervalMs: hour
};
async function invalidateUserSessions(db, userId, exceptSessionId) {
  let query = db.deleteFrom("session").where("userId", "=", userId);
  if (exceptSessionId) query = query.where("id", "!=", exceptSessionId);
  await query.execute();
}

// src/lib/server/app.ts
function databasePath(env = process.env) {
  return env.DATABASE_PATH || defaultDatabasePath;
}

// src/lib/domain/time.ts
var minute = 6e4;
var hour2 = 60 * minute;
var day = 24 * hour2;

// src/lib/server/auth/password.ts
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
var argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };
function hashPassword(password) {
  return hash(password, argon2Options);
}
var commonPasswords;
function isCommonPassword(password) {
  commonPasswords ??= new Set(
    dictionary["passwords-common"].filter((p) => p.length >= passwordMinLength).map((p) => p.toLowerCase())
  );
  return commonPasswords.has(password.toLowerCase());
}
var commonPasswordMessage = "This password is on the list of the most common passwords. Choose one that is harder to guess";

// src/lib/server/users.ts
function assertAcceptablePassword(password, field = "password") {
  if (isCommonPassword(password)) throw new InputError({ [field]: commonPasswordMessage });
}
async function hasAnyUser(db) {
  const row = await db.selectFrom("user").select("id").limit(1).executeTakeFirst();
  return row !== void 0;
}
async function findUserByEmail(db, email) {
  return db.selectFrom("user").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
}
async function insertUser(db, account, actorUserId, now = Date.now()) {
  const email = account.email.toLowerCase();
  const taken = await db.selectFrom("user").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw new InputError({ email: "A user with this email already exists" });
  const { id } = await db.insertInto("user").values({
    email,
    name: account.name,
    role: account.role,
    passwordHash: account.passwordHash,
    deactivatedAt: null,
    createdAt: now,
    updatedAt: now
  }).returning("id").executeTakeFirstOrThrow();
  const user = { id, email, name: account.name, role: account.role };
  await recordAudit(
    db,
    {
      actorUserId,
      action: "user.created",
      entityType: "user",
      entityId: id,
      after: { email, name: user.name, role: user.role }
    },
    now
  );
  return user;
}
async function createUser(db, account, actorUserId = null, now = Date.now()) {
  assertAcceptablePassword(account.password);
  const passwordHash = await hashPassword(account.password);
  return db.transaction().execute((trx) => insertUser(trx, { ...account, passwordHash }, actorUserId, now));
}
async function resetPassword(db, email, password, now = Date.now()) {
  const user = await findUserByEmail(db, email);
  if (!user) throw new NotFoundError(`No user with email ${email}`);
  assertAcceptablePassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("user").set({ passwordHash, updatedAt: now }).where("id", "=", user.id).execute();
    await invalidateUserSessions(trx, user.id);
    await recordAudit(
      trx,
      { actorUserId: null, action: "user.password_reset", entityType: "user", entityId: user.id },
      now
    );
  });
}

// src/lib/server/synthetic/month-totals.ts
var snake = (field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
var interviewerMonthColumns = [
  "month",
  "interviewer_id",
  "round_kind",
  ...interviewerSumFields.map(snake)
];
var competencyMonthColumns = [
  "month",
  "competency_id",
  "round_kind",
  ...competencySumFields.map(snake)
];
function totalFor(totals, at, subject, kind, empty) {
  const month = monthStart(at);
  const key2 = `${month}|${subject}|${kind}`;
  let total = totals.get(key2);
  if (!total) totals.set(key2, total = { month, subject, kind, sums: empty() });
  return total.sums;
}
function createMonthTotals() {
  const interviewers = /* @__PURE__ */ new Map();
  const competencies = /* @__PURE__ */ new Map();
  return {
    /** The totals a complete loop's scorecard (and its ratings) add to. */
    interviewer(at, interviewerId, kind) {
      return totalFor(interviewers, at, interviewerId, kind, () => emptySums(interviewerSumFields));
    },
    /** Adds a rating unit: how many gave each rating, and how many did not assess. */
    addUnit(at, competencyId, kind, counts, notAssessed) {
      const sums = totalFor(competencies, at, competencyId, kind, () => emptySums(competencySumFields));
      const [n1, n2, n3, n4] = counts;
      const m = n1 + n2 + n3 + n4;
      sums.r1 += n1;
      sums.r2 += n2;
      sums.r3 += n3;
      sums.r4 += n4;
      sums.notAssessed += notAssessed;
      if (m < 2) return;
      const n = [0, n1, n2, n3, n4];
      sums.units += 1;
      sums.pairable += m;
      for (let c = 1; c <= 4; c++) {
        for (let k = c; k <= 4; k++) {
          const field = `o${c}${k}`;
          sums[field] += (c === k ? n[c] * (n[c] - 1) : n[c] * n[k]) * 1 / (m - 1);
        }
      }
    },
    interviewerRows() {
      return [...interviewers.values()].map((t) => [
        t.month,
        t.subject,
        t.kind,
        ...interviewerSumFields.map((f) => t.sums[f])
      ]);
    },
    competencyRows() {
      return [...competencies.values()].map((t) => [
        t.month,
        t.subject,
        t.kind,
        ...competencySumFields.map((f) => t.sums[f])
      ]);
    }
  };
}

// src/lib/server/synthetic/random.ts
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  return {
    next,
    // Box–Muller
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    pick: (items) => items[Math.floor(next() * items.length)]
  };
}

// src/lib/server/synthetic/generate.ts
var generatedPassword = "generated-org-password";
async function templates(db) {
  const rows = await db.selectFrom("loopTemplate").select(["id", "name", "visibilityMode"]).orderBy("id").execute();
  const shapes = [];
  for (const t of rows) {
    const rounds = await db.selectFrom("templateRound").selectAll().where("templateId", "=", t.id).orderBy("position").execute();
    const shape = { ...t, rounds: [] };
    for (const r of rounds) {
      const competencies = await db.selectFrom("templateRoundCompetency as trc").innerJoin("competency", "competency.id", "trc.competencyId").select(["competency.id", "competency.currentRevisionId as revisionId"]).where("trc.roundId", "=", r.id).orderBy("trc.position").execute();
      const questions = await db.selectFrom("templateRoundQuestion as trq").innerJoin("question", "question.id", "trq.questionId").select(["question.id", "question.currentRevisionId as revisionId"]).where("trq.roundId", "=", r.id).orderBy("trq.position").execute();
      shape.rounds.push({
        title: r.title,
        kind: r.kind,
        format: r.format,
        durationMinutes: r.durationMinutes,
        competencies: competencies.map((c) => ({ id: c.id, revisionId: c.revisionId })),
        questions: questions.map((q) => ({ id: q.id, revisionId: q.revisionId }))
      });
    }
    shapes.push(shape);
  }
  return shapes;
}
var firstNames = [
  "Ada",
  "Ben",
  "Chen",
  "Dara",
  "Eli",
  "Fatima",
  "Gus",
  "Hana",
  "Ivan",
  "Jade",
  "Kofi",
  "Lina",
  "Mateo",
  "Nora",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wei",
  "Ximena",
  "Yusuf",
  "Zoe"
];
var lastNames = [
  "Adams",
  "Berg",
  "Costa",
  "Dubois",
  "Eze",
  "Fischer",
  "Garcia",
  "Haddad",
  "Ito",
  "Jensen",
  "Kaur",
  "Lopez",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Petrov",
  "Quist",
  "Rossi",
  "Silva",
  "Tanaka",
  "Ueda",
  "Varga",
  "Wong",
  "Xu",
  "Yilmaz",
  "Zimmer"
];
var teams = [
  "Payments",
  "Platform",
  "Search",
  "Mobile",
  "Data",
  "Growth",
  "Security",
  "Infrastructure",
  "Billing",
  "Identity"
];
var evidence = {
  1: "Could not get started without heavy prompting.",
  2: "Got part of the way with hints; missed cases we discussed.",
  3: "Complete answer with clear reasoning; handled follow-ups.",
  4: "Anticipated follow-ups and explained trade-offs unprompted."
};
function personName(random) {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}
function clampRating(value) {
  return Math.min(4, Math.max(1, Math.round(value)));
}
function delayHours(submittedAt, seat) {
  return (submittedAt - seat.scheduledAt - 6e4 * seat.round.durationMinutes) / 36e5;
}
function recommendationFor(mean) {
  return mean >= 3.4 ? 4 : mean >= 2.7 ? 3 : mean >= 2 ? 2 : 1;
}
function multiRowInserter(sqlite, head, columns) {
  const cache = /* @__PURE__ */ new Map();
  const row = `(${new Array(columns).fill("?").join(", ")})`;
  return (rows) => {
    if (!rows.length) return 0;
    let statement = cache.get(rows.length);
    if (!statement) {
      statement = sqlite.prepare(`${head} values ${new Array(rows.length).fill(row).join(", ")}`);
      cache.set(rows.length, statement);
    }
    const values = new Array(rows.length * columns);
    let i = 0;
    for (const row2 of rows) for (const value of row2) values[i++] = value;
    return Number(statement.run(values).lastInsertRowid) - rows.length + 1;
  };
}
async function generateOrganisation(db, sqlite, options) {
  if (await hasAnyUser(db)) throw new ConflictError("generate needs an empty database (this one has users)");
  const random = createRandom(options.seed);
  const shapes = await templates(db);
  const passwordHash = await hashPassword(generatedPassword);
  const target = options.scorecards;
  const span = 3 * 365 * day;
  const start = options.until - span;
  const insertUser2 = sqlite.prepare(
    'insert into "user" (email, name, role, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)'
  );
  const interviewerCount = Math.max(20, Math.round(target / 300));
  const people2 = [];
  sqlite.transaction(() => {
    insertUser2.run("admin@generated.example", "Generated Admin", "admin", passwordHash, start, start);
    for (let i = 1; i <= 5; i++) {
      insertUser2.run(
        `recruiter${i}@generated.example`,
        `${personName(random)} (recruiter)`,
        "recruiter",
        passwordHash,
        start,
        start
      );
    }
    for (let i = 1; i <= interviewerCount; i++) {
      const { lastInsertRowid } = insertUser2.run(
        `interviewer${i}@generated.example`,
        personName(random),
        "interviewer",
        passwordHash,
        start,
        start
      );
      people2.push({
        id: Number(lastInsertRowid),
        leniency: Math.max(-0.9, Math.min(0.9, random.normal(0, 0.35))),
        lateness: random.next() < 0.15 ? 0.4 : 0.05,
        skipRate: random.next() * 0.08
      });
    }
  })();
  const openingCount = Math.max(3, Math.round(target / 3e3));
  const insertOpening2 = sqlite.prepare(
    "insert into opening (title, team, level, template_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)"
  );
  const insertManager = sqlite.prepare(
    "insert into opening_hiring_manager (opening_id, user_id) values (?, ?)"
  );
  const openings = [];
  sqlite.transaction(() => {
    for (let i = 0; i < openingCount; i++) {
      const shape = random.next() < 0.7 ? shapes[0] : shapes[1] ?? shapes[0];
      const team = random.pick(teams);
      const title = `${shape.name}, ${team} #${i + 1}`;
      const { lastInsertRowid } = insertOpening2.run(
        title,
        team,
        random.pick(["Mid", "Senior", "Staff", "Manager"]),
        shape.id,
        random.next() < 0.8 ? "open" : "closed",
        start,
        start
      );
      const id = Number(lastInsertRowid);
      const managers2 = /* @__PURE__ */ new Set([random.pick(people2).id, random.pick(people2).id]);
      for (const manager of managers2) insertManager.run(id, manager);
      openings.push({ id, shape });
    }
  })();
  const statements = {
    candidate: sqlite.prepare(
      "insert into candidate (name, email, notes, created_at, updated_at) values (?, ?, '', ?, ?)"
    ),
    candidateOpening: sqlite.prepare(
      "insert into candidate_opening (candidate_id, opening_id, added_at) values (?, ?, ?)"
    ),
    loop: sqlite.prepare(
      "insert into loop (candidate_id, opening_id, template_id, template_name, visibility_mode, evidence_rule, completed_at, outcome, created_at, updated_at) values (?, ?, ?, ?, ?, 'required', ?, ?, ?, ?)"
    ),
    rounds: multiRowInserter(
      sqlite,
      "insert into loop_round (loop_id, position, title, kind, format, duration_minutes)",
      6
    ),
    roundCompetencies: multiRowInserter(
      sqlite,
      "insert into loop_round_competency (round_id, competency_id, revision_id, position)",
      4
    ),
    roundQuestions: multiRowInserter(
      sqlite,
      "insert into loop_round_question (round_id, question_id, revision_id, position)",
      4
    ),
    scorecards: multiRowInserter(
      sqlite,
      "insert into scorecard (loop_id, round_id, interviewer_id, scheduled_at, status, version, started_at, submitted_at, content, recommendation, opening_id, round_kind, complete, delay_hours, loop_outcome, created_at, updated_at)",
      17
    ),
    ratings: multiRowInserter(
      sqlite,
      "insert into scorecard_rating (scorecard_id, loop_id, interviewer_id, competency_id, revision_id, rating, submitted_at, interviewed_at, opening_id, round_kind, complete, others_mean)",
      12
    ),
    units: multiRowInserter(
      sqlite,
      "insert into rating_unit (loop_id, competency_id, opening_id, round_kind, interviewed_at, n1, n2, n3, n4, not_assessed)",
      10
    ),
    decision: sqlite.prepare(
      "insert into loop_decision (loop_id, outcome, rationale, dissent, attendees, decided_by, decided_at) values (?, ?, ?, '', '[]', ?, ?)"
    )
  };
  const bulkTables = [
    "scorecard",
    "scorecard_rating",
    "rating_unit",
    "loop",
    "loop_round",
    "loop_round_competency",
    "loop_round_question",
    "candidate",
    "candidate_opening",
    "loop_decision"
  ];
  const indexes = sqlite.prepare(
    `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${bulkTables.map(() => "?").join(", ")})`
  ).all(...bulkTables);
  for (const index of indexes) sqlite.exec(`drop index ${index.name}`);
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("cache_size = -262144");
  const months = createMonthTotals();
  let scorecards = 0;
  let ratings = 0;
  let loops = 0;
  const batch = sqlite.transaction((count) => {
    for (let b = 0; b < count && scorecards < target; b++) {
      const opening = random.pick(openings);
      const shape = opening.shape;
      const at = start + Math.floor(scorecards / target * span) + Math.floor(random.next() * 6) * hour2;
      const recent = options.until - at < 3 * day;
      const name = personName(random);
      const candidateId = Number(
        statements.candidate.run(name, `candidate${loops + 1}@generated.example`, at, at).lastInsertRowid
      );
      statements.candidateOpening.run(candidateId, opening.id, at);
      const ability = { technical: random.normal(2.7, 0.6), leadership: random.normal(2.8, 0.5) };
      const used = /* @__PURE__ */ new Set();
      const seats = [];
      shape.rounds.forEach((round, position) => {
        const panelSize = random.next() < 0.12 ? 2 : 1;
        for (let p = 0; p < panelSize; p++) {
          let person = random.pick(people2);
          while (used.has(person.id) && used.size < people2.length) person = random.pick(people2);
          used.add(person.id);
          seats.push({ position, round, person, scheduledAt: at + position * 75 * minute });
        }
      });
      const given = seats.map((seat) => {
        const values = seat.round.competencies.map((c) => {
          const skipped = random.next() < seat.person.skipRate;
          const value = clampRating(ability[seat.round.kind] + seat.person.leniency + random.normal(0, 0.55));
          return { competency: c, rating: skipped ? null : value };
        });
        const rated = values.filter((v) => v.rating !== null).map((v) => v.rating);
        const mean = rated.length ? rated.reduce((a, b2) => a + b2, 0) / rated.length : 2.5;
        const end = seat.scheduledAt + seat.round.durationMinutes * minute;
        const delay = random.next() < seat.person.lateness ? 26 + random.next() * 60 : 1 + random.next() * 20;
        const submitted = !recent || random.next() < 0.5;
        return {
          seat,
          values,
          recommendation: recommendationFor(mean),
          submittedAt: Math.round(end + delay * hour2),
          submitted
        };
      });
      const complete = given.every((g) => g.submitted);
      const completedAt = complete ? Math.max(...given.map((g) => g.submittedAt)) : null;
      const all = given.flatMap((g) => g.values).filter((v) => v.rating !== null);
      const average = all.length ? all.reduce((a, v) => a + v.rating, 0) / all.length : 2.5;
      const decided = complete && options.until - completedAt > 5 * day && random.next() < 0.92;
      const outcome = decided ? average >= 3 ? "hire" : average < 2.55 ? "no_hire" : random.next() < 0.5 ? "hold" : "no_hire" : null;
      const loopId = Number(
        statements.loop.run(
          candidateId,
          opening.id,
          shape.id,
          shape.name,
          shape.visibilityMode,
          completedAt,
          outcome,
          at,
          at
        ).lastInsertRowid
      );
      const roundCompetencies = [];
      const roundQuestions = [];
      const firstRound = statements.rounds(
        shape.rounds.map((round, position) => [
          loopId,
          position,
          round.title,
          round.kind,
          round.format,
          round.durationMinutes
        ])
      );
      const roundIds = shape.rounds.map((round, position) => {
        const roundId = firstRound + position;
        round.competencies.forEach((c, i) => roundCompetencies.push([roundId, c.id, c.revisionId, i]));
        round.questions.forEach((q, i) => roundQuestions.push([roundId, q.id, q.revisionId, i]));
        return roundId;
      });
      statements.roundCompetencies(roundCompetencies);
      statements.roundQuestions(roundQuestions);
      const ratingRows = [];
      const firstScorecard = statements.scorecards(
        given.map((g) => {
          const { seat } = g;
          const document = {
            recommendation: g.submitted ? g.recommendation : null,
            summary: g.submitted ? "Generated summary of the interview." : "",
            freeNotes: "",
            ratings: g.values.map((v) => ({
              competencyId: v.competency.id,
              rating: v.rating,
              notAssessedReason: v.rating === null ? "Ran out of time." : null,
              evidence: v.rating === null ? "" : evidence[v.rating]
            })),
            notes: []
          };
          return [
            loopId,
            roundIds[seat.position],
            seat.person.id,
            seat.scheduledAt,
            g.submitted ? "submitted" : "draft",
            2,
            seat.scheduledAt,
            g.submitted ? g.submittedAt : null,
            JSON.stringify(document),
            g.submitted ? g.recommendation : null,
            opening.id,
            seat.round.kind,
            complete ? 1 : 0,
            g.submitted ? delayHours(g.submittedAt, seat) : null,
            outcome,
            seat.scheduledAt,
            g.submitted ? g.submittedAt : seat.scheduledAt
          ];
        })
      );
      for (const [index, g] of given.entries()) {
        const { seat } = g;
        const scorecardId = firstScorecard + index;
        scorecards += 1;
        if (!g.submitted) continue;
        const month = complete ? months.interviewer(seat.scheduledAt, seat.person.id, seat.round.kind) : null;
        if (month) {
          const delay = delayHours(g.submittedAt, seat);
          month.scorecards += 1;
          month[`rec${g.recommendation}`] += 1;
          if (delay > 24) month.late += 1;
          if (outcome === "hire" || outcome === "no_hire") month.decided += 1;
          if (outcome === "hire" && g.recommendation >= 3 || outcome === "no_hire" && g.recommendation <= 2)
            month.matched += 1;
          month[`d${delayBand(delay)}`] += 1;
        }
        for (const v of g.values) {
          const others = given.filter((o) => o !== g && o.seat.person.id !== seat.person.id).flatMap(
            (o) => o.values.filter((x) => x.competency.id === v.competency.id && x.rating !== null).map((x) => x.rating)
          );
          const othersMean = complete && v.rating !== null && others.length ? others.reduce((a, b2) => a + b2, 0) / others.length : null;
          if (month) {
            month.ratings += 1;
            if (v.rating === null) month.notAssessed += 1;
            else {
              month[`r${v.rating}`] += 1;
              month.sumRating += v.rating;
            }
            if (othersMean !== null) {
              const d = v.rating - othersMean;
              month.nD += 1;
              month.sumD += d;
              month.sumD2 += d * d;
            }
          }
          ratingRows.push([
            scorecardId,
            loopId,
            seat.person.id,
            v.competency.id,
            v.competency.revisionId,
            v.rating,
            g.submittedAt,
            seat.scheduledAt,
            opening.id,
            seat.round.kind,
            complete ? 1 : 0,
            othersMean
          ]);
          ratings += 1;
        }
      }
      statements.ratings(ratingRows);
      if (complete) {
        const units = /* @__PURE__ */ new Map();
        for (const g of given) {
          for (const v of g.values) {
            const unit = units.get(v.competency.id) ?? {
              kind: g.seat.round.kind,
              at: g.seat.scheduledAt,
              counts: [0, 0, 0, 0],
              na: 0
            };
            if (v.rating === null) unit.na += 1;
            else unit.counts[v.rating - 1] += 1;
            units.set(v.competency.id, unit);
          }
        }
        for (const [competencyId, u] of units) months.addUnit(u.at, competencyId, u.kind, u.counts, u.na);
        statements.units(
          [...units].map(([competencyId, u]) => [
            loopId,
            competencyId,
            opening.id,
            u.kind,
            u.at,
            ...u.counts,
            u.na
          ])
        );
      }
      if (outcome) {
        statements.decision.run(
          loopId,
          outcome,
          "Decided in the debrief (generated).",
          given[0].seat.person.id,
          completedAt + 2 * day
        );
      }
      loops += 1;
    }
  });
  while (scorecards < target) {
    batch(500);
    options.onProgress?.(Math.min(scorecards, target), target);
  }
  const insertMonths = (table, columns, rows) => {
    const insert = multiRowInserter(sqlite, `insert into ${table} (${columns.join(", ")})`, columns.length);
    for (let i = 0; i < rows.length; i += 500) insert(rows.slice(i, i + 500));
  };
  sqlite.transaction(() => {
    insertMonths("calibration_interviewer_month", interviewerMonthColumns, months.interviewerRows());
    insertMonths("calibration_competency_month", competencyMonthColumns, months.competencyRows());
  })();
  for (const index of indexes) sqlite.exec(index.sql);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("journal_mode = WAL");
  const built = sqlite.prepare("insert or replace into meta (key, value) values (?, ?)");
  built.run("calibration_aggregates_built_at", String(options.until));
  built.run("calibration_months_built_at", String(options.until));
  sqlite.pragma("optimize");
  return { users: interviewerCount + 6, openings: openingCount, loops, scorecards, ratings };
}

// src/lib/server/candidates.ts
import { sql as sql14 } from "kysely";
async function assertEmailFree(db, email, exceptId) {
  let query = db.selectFrom("candidate").select("id").where("email", "=", email);
  if (exceptId !== void 0) query = query.where("id", "!=", exceptId);
  if (await query.executeTakeFirst())
    throw new InputError({ email: "A candidate with this email already exists" });
}
async function assertOpeningsExist(db, openingIds) {
  if (!openingIds.length) return;
  const ids = [...new Set(openingIds)];
  const found = await db.selectFrom("opening").select("id").where("id", "in", ids).execute();
  if (found.length !== ids.length) throw new InputError({ openingIds: "Choose openings from the list" });
}
async function insertCandidate(db, actorId, input, now = Date.now()) {
  await assertEmailFree(db, input.email);
  await assertOpeningsExist(db, input.openingIds);
  const { id } = await db.insertInto("candidate").values({ name: input.name, email: input.email, notes: input.notes, createdAt: now, updatedAt: now }).returning("id").executeTakeFirstOrThrow();
  for (const openingId of new Set(input.openingIds)) {
    await db.insertInto("candidateOpening").values({ candidateId: id, openingId, addedAt: now }).execute();
  }
  await recordAudit(
    db,
    { actorUserId: actorId, action: "candidate.created", entityType: "candidate", entityId: id },
    now
  );
  return id;
}

// src/lib/server/loops.ts
import { sql as sql15 } from "kysely";

// src/lib/domain/loop-status.ts
function interviewEnd(scheduledAt, durationMinutes) {
  return scheduledAt + durationMinutes * minute;
}

// src/lib/server/loops.ts
async function assertActiveInterviewers(db, ids, field) {
  if (!ids.length) return [];
  const people2 = await db.selectFrom("user").select(["id", "name", "deactivatedAt"]).where("id", "in", ids).execute();
  if (people2.length !== new Set(ids).size)
    throw new InputError({ [field]: "Choose interviewers from the list" });
  const inactive = people2.find((p) => p.deactivatedAt !== null);
  if (inactive) throw new InputError({ [field]: `${inactive.name} is deactivated and cannot interview` });
  return people2.map(({ id, name }) => ({ id, name }));
}
async function createLoop(db, actor, input, now = Date.now()) {
  return db.transaction().execute(async (trx) => {
    await assertCanManageOpeningLoops(trx, actor, input.openingId);
    const opening = await trx.selectFrom("opening").innerJoin("loopTemplate", "loopTemplate.id", "opening.templateId").select([
      "opening.status",
      "opening.templateId",
      "loopTemplate.name as templateName",
      "loopTemplate.visibilityMode",
      "loopTemplate.evidenceRule"
    ]).where("opening.id", "=", input.openingId).executeTakeFirstOrThrow();
    if (opening.status === "closed") throw new InputError({ openingId: "This opening is closed" });
    const candidate = await trx.selectFrom("candidate").select("id").where("id", "=", input.candidateId).executeTakeFirst();
    if (!candidate) throw new InputError({ candidateId: "Choose a candidate from the list" });
    const inOpening = await trx.selectFrom("candidateOpening").select("candidateId").where("candidateId", "=", input.candidateId).where("openingId", "=", input.openingId).executeTakeFirst();
    if (!inOpening) {
      if (!canManageHiring(actor))
        throw new InputError({ candidateId: "This candidate is not in this opening" });
      await trx.insertInto("candidateOpening").values({ candidateId: input.candidateId, openingId: input.openingId, addedAt: now }).execute();
    }
    const active = await trx.selectFrom("loop").select("id").where("candidateId", "=", input.candidateId).where("openingId", "=", input.openingId).where("cancelledAt", "is", null).executeTakeFirst();
    if (active) throw new InputError({ candidateId: "This candidate already has a loop for this opening" });
    const templateRounds = await trx.selectFrom("templateRound").selectAll().where("templateId", "=", opening.templateId).orderBy("position").execute();
    if (!templateRounds.length) throw new InputError({ form: "The opening\u2019s template has no rounds yet" });
    for (const [index, entry] of input.panel.entries()) {
      if (entry.round >= templateRounds.length) {
        throw new InputError({ [`panel.${index}.round`]: `There is no round ${entry.round + 1}` });
      }
      await assertActiveInterviewers(trx, entry.interviewerIds, `panel.${index}.interviewerIds`);
    }
    const { id: loopId } = await trx.insertInto("loop").values({
      candidateId: input.candidateId,
      openingId: input.openingId,
      templateId: opening.templateId,
      templateName: opening.templateName,
      visibilityMode: opening.visibilityMode,
      evidenceRule: opening.evidenceRule,
      cancelledAt: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now
    }).returning("id").executeTakeFirstOrThrow();
    const rounds = [];
    for (const round of templateRounds) {
      const { id } = await trx.insertInto("loopRound").values({
        loopId,
        position: round.position,
        title: round.title,
        kind: round.kind,
        format: round.format,
        durationMinutes: round.durationMinutes
      }).returning("id").executeTakeFirstOrThrow();
      await sql15`
				insert into loop_round_competency (round_id, competency_id, revision_id, position)
				select ${id}, trc.competency_id, c.current_revision_id, trc.position
				from template_round_competency trc join competency c on c.id = trc.competency_id
				where trc.round_id = ${round.id}
			`.execute(trx);
      await sql15`
				insert into loop_round_question (round_id, question_id, revision_id, position)
				select ${id}, q.id, q.current_revision_id, trq.position
				from template_round_question trq join question q on q.id = trq.question_id
				where trq.round_id = ${round.id}
			`.execute(trx);
      rounds.push({ id, position: rounds.length, title: round.title });
    }
    const scorecards = [];
    for (const entry of input.panel) {
      const round = rounds[entry.round];
      for (const interviewerId of new Set(entry.interviewerIds)) {
        if (scorecards.some((s) => s.roundId === round.id && s.interviewerId === interviewerId)) continue;
        const { id } = await trx.insertInto("scorecard").values({
          loopId,
          roundId: round.id,
          interviewerId,
          scheduledAt: entry.scheduledAt,
          openingId: input.openingId,
          roundKind: templateRounds[entry.round].kind,
          createdAt: now,
          updatedAt: now
        }).returning("id").executeTakeFirstOrThrow();
        scorecards.push({ id, roundId: round.id, round: entry.round, interviewerId });
      }
    }
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: "loop.created",
        entityType: "loop",
        entityId: loopId,
        after: { candidateId: input.candidateId, openingId: input.openingId, panel: input.panel }
      },
      now
    );
    return { loopId, rounds, scorecards };
  });
}

// src/lib/server/openings.ts
async function assertOpeningReferences(db, input, keepTemplateId) {
  const template = await db.selectFrom("loopTemplate").select(["id", "archivedAt"]).where("id", "=", input.templateId).executeTakeFirst();
  if (!template || template.archivedAt !== null && template.id !== keepTemplateId) {
    throw new InputError({ templateId: "Choose a loop template from the list" });
  }
  const ids = [...new Set(input.hiringManagerIds)];
  const people2 = await db.selectFrom("user").select(["id", "name", "deactivatedAt"]).where("id", "in", ids).execute();
  if (people2.length !== ids.length)
    throw new InputError({ hiringManagerIds: "Choose hiring managers from the list" });
  const inactive = people2.find((p) => p.deactivatedAt !== null);
  if (inactive) {
    throw new InputError({
      hiringManagerIds: `${inactive.name} is deactivated and cannot be a hiring manager`
    });
  }
}
async function writeHiringManagers(db, openingId, userIds) {
  await db.deleteFrom("openingHiringManager").where("openingId", "=", openingId).execute();
  await db.insertInto("openingHiringManager").values([...new Set(userIds)].map((userId) => ({ openingId, userId }))).execute();
}
async function insertOpening(db, actorId, input, now = Date.now()) {
  await assertOpeningReferences(db, input);
  const { id } = await db.insertInto("opening").values({
    title: input.title,
    team: input.team,
    level: input.level,
    templateId: input.templateId,
    status: input.status,
    createdAt: now,
    updatedAt: now
  }).returning("id").executeTakeFirstOrThrow();
  await writeHiringManagers(db, id, input.hiringManagerIds);
  await recordAudit(
    db,
    { actorUserId: actorId, action: "opening.created", entityType: "opening", entityId: id, after: input },
    now
  );
  return id;
}

// src/lib/server/panel.ts
async function editableLoop(db, actor, loopId) {
  const loop = await db.selectFrom("loop").select(["id", "openingId", "cancelledAt"]).where("id", "=", loopId).executeTakeFirst();
  if (!loop) throw new NotFoundError("No such loop");
  await assertCanManageOpeningLoops(db, actor, loop.openingId);
  if (loop.cancelledAt !== null) throw new ConflictError("This loop is cancelled");
  return loop;
}
async function cancelLoop(db, actor, loopId, reason, now = Date.now()) {
  await db.transaction().execute(async (trx) => {
    await editableLoop(trx, actor, loopId);
    await trx.updateTable("loop").set({ cancelledAt: now, updatedAt: now }).where("id", "=", loopId).execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: "loop.cancelled",
        entityType: "loop",
        entityId: loopId,
        after: { reason }
      },
      now
    );
    await refreshLoopCalibration(trx, loopId);
  });
}

// src/lib/domain/scorecard.ts
var noteFieldLabels = {
  context: "Context",
  action: "Action",
  result: "Result",
  approach: "Approach",
  complexity: "Complexity",
  quality: "Code quality",
  testing: "Testing",
  tradeoffs: "Trade-offs",
  requirements: "Requirements",
  architecture: "Architecture",
  data: "Data model",
  scaling: "Scaling and reliability",
  reasoning: "Reasoning",
  edgeCases: "Edge cases",
  depth: "Depth",
  practice: "Hands-on experience",
  problems: "Problems found",
  fixes: "Fixes proposed",
  structure: "Structure and clarity",
  questions: "Handling questions"
};
var noteFieldKeys = Object.keys(noteFieldLabels);
function noteFieldsFor(kind, format) {
  if (kind === "leadership") {
    return format === "presentation" ? ["structure", "questions", "result"] : ["context", "action", "result"];
  }
  switch (format) {
    case "coding":
      return ["approach", "complexity", "quality", "testing", "tradeoffs"];
    case "system_design":
      return ["requirements", "architecture", "data", "scaling", "tradeoffs"];
    case "problem_solving":
      return ["approach", "reasoning", "complexity", "edgeCases"];
    case "code_review":
      return ["problems", "reasoning", "fixes", "testing"];
    case "technical_knowledge":
      return ["depth", "practice", "tradeoffs"];
    default:
      return ["approach", "reasoning", "tradeoffs"];
  }
}
var emptyDocument = {
  recommendation: null,
  summary: "",
  freeNotes: "",
  ratings: [],
  notes: []
};
function referenceIssues(doc, round) {
  const issues = [];
  const competencies = new Set(round.competencies.map((c) => c.id));
  const questions = new Set(round.questions.map((q) => q.id));
  const fields = new Set(noteFieldsFor(round.kind, round.format));
  const seen = /* @__PURE__ */ new Set();
  doc.ratings.forEach((r, i) => {
    if (!competencies.has(r.competencyId)) {
      issues.push({
        path: `ratings.${i}.competencyId`,
        message: "This competency is not rated in this round"
      });
    } else if (seen.has(r.competencyId)) {
      issues.push({ path: `ratings.${i}.competencyId`, message: "This competency is rated twice" });
    }
    seen.add(r.competencyId);
  });
  doc.notes.forEach((n, i) => {
    if (!questions.has(n.questionId))
      issues.push({ path: `notes.${i}.questionId`, message: "This question is not in this round" });
    else if (!fields.has(n.field))
      issues.push({ path: `notes.${i}.field`, message: `This round takes no ${n.field} notes` });
  });
  return issues;
}
function submissionIssues(doc, round) {
  const issues = [];
  for (const competency of round.competencies) {
    const entry = doc.ratings.find((r) => r.competencyId === competency.id);
    if (!entry || entry.rating === null && entry.notAssessedReason === null) {
      issues.push({
        path: `rating.${competency.id}`,
        message: `Rate ${competency.name}, or mark it not assessed`
      });
    } else if (entry.rating === null && !entry.notAssessedReason?.trim()) {
      issues.push({
        path: `reason.${competency.id}`,
        message: `Say why ${competency.name} was not assessed`
      });
    } else if (entry.rating !== null && round.evidenceRule === "required" && !entry.evidence.trim()) {
      issues.push({
        path: `evidence.${competency.id}`,
        message: `Add the evidence behind your ${competency.name} rating`
      });
    }
  }
  if (doc.recommendation === null)
    issues.push({ path: "recommendation", message: "Choose an overall recommendation" });
  return issues;
}

// src/lib/domain/decision.ts
import { z as z4 } from "zod";

// src/lib/domain/library-schemas.ts
import { z as z3 } from "zod";

// src/lib/domain/library.ts
var competencyKinds = ["technical", "leadership"];
var roundFormats = [
  "coding",
  "system_design",
  "problem_solving",
  "technical_knowledge",
  "code_review",
  "behavioural",
  "situational",
  "presentation"
];
var visibilityModes = ["after_own", "after_all"];
var evidenceRules = ["required", "recommended"];

// src/lib/domain/library-schemas.ts
function text(label, max, { required = true } = {}) {
  const base = z3.string().trim().max(max, `${label}: use at most ${max} characters`);
  return required ? base.min(1, `Enter ${label.toLowerCase()}`) : base;
}
var idSchema = z3.coerce.number().int().positive();
function idList(emptyMessage) {
  const list = z3.array(idSchema, { error: "Choose from the list" });
  return emptyMessage ? list.min(1, emptyMessage) : list;
}
var competencySchema = z3.object({
  name: text("A name", 80),
  kind: z3.enum(competencyKinds, { error: "Choose technical or leadership" }),
  description: text("A description", 1e3),
  anchor1: text("What earns a 1 (significant gaps)", 600),
  anchor2: text("What earns a 2 (below the bar)", 600),
  anchor3: text("What earns a 3 (meets the bar)", 600),
  anchor4: text("What earns a 4 (exceeds the bar)", 600)
});
var questionSchema = z3.object({
  prompt: text("The question", 1e3),
  probes: text("Probes", 2e3, { required: false }),
  goodLooksLike: text("What good looks like", 1e3),
  redFlags: text("Red flags", 1e3, { required: false }),
  competencyIds: idList("Link at least one competency")
});
var templateSchema = z3.object({
  name: text("A name", 100),
  description: text("A description", 500, { required: false }),
  visibilityMode: z3.enum(visibilityModes, { error: "Choose when panelists see each other\u2019s feedback" }),
  evidenceRule: z3.enum(evidenceRules, { error: "Choose whether evidence is required" })
});
var roundSchema = z3.object({
  title: text("A title", 100),
  kind: z3.enum(competencyKinds, { error: "Choose technical or leadership" }),
  format: z3.enum(roundFormats, { error: "Choose a format" }),
  durationMinutes: z3.coerce.number({ error: "Enter the duration in minutes" }).int("Enter whole minutes").min(10, "A round lasts at least 10 minutes").max(240, "A round lasts at most 240 minutes"),
  competencyIds: idList("Choose at least one focus competency"),
  questionIds: idList()
});

// src/lib/domain/decision.ts
var decisionOutcomes = ["hire", "no_hire", "hold"];
var decisionSchema = z4.object({
  outcome: z4.enum(decisionOutcomes, { error: "Choose hire, no hire or hold" }),
  rationale: text("The rationale", 5e3),
  dissent: text("Dissent", 5e3, { required: false }),
  attendeeIds: idList("Say who took part in the debrief"),
  changeReason: text("The reason for the change", 1e3, { required: false })
});
var debriefNotesLimit = 1e4;

// src/lib/server/feedback-access.ts
async function feedbackAccess(db, actor, loopId) {
  const loop = await db.selectFrom("loop").select(["id", "openingId", "visibilityMode"]).where("id", "=", loopId).executeTakeFirst();
  if (!loop) throw new NotFoundError("No such loop");
  const panel = await db.selectFrom("scorecard").select(["interviewerId", "status"]).where("loopId", "=", loopId).execute();
  const own = panel.filter((s) => s.interviewerId === actor.id);
  if (own.length > 0) {
    if (own.some((s) => s.status !== "submitted"))
      return { visible: false, reason: "own_pending", onPanel: true };
    if (loop.visibilityMode === "after_all" && panel.some((s) => s.status !== "submitted")) {
      return { visible: false, reason: "panel_pending", onPanel: true };
    }
    return { visible: true, onPanel: true };
  }
  if (canManageHiring(actor) || await isHiringManagerOf(db, actor, loop.openingId))
    return { visible: true, onPanel: false };
  throw new ForbiddenError();
}
async function assertFeedbackVisible(db, actor, loopId) {
  const access = await feedbackAccess(db, actor, loopId);
  if (!access.visible) {
    throw new ForbiddenError(
      access.reason === "own_pending" ? "Submit your own scorecard first: the panel\u2019s feedback stays hidden until yours is in." : "This loop keeps feedback hidden until the whole panel has submitted."
    );
  }
}

// src/lib/server/calibration.ts
import { sql as sql16 } from "kysely";

// src/lib/server/scorecards.ts
import { sql as sql17 } from "kysely";
var cacheLimit = 5e3;
var caches = /* @__PURE__ */ new WeakMap();
function cachesOf(db) {
  let entry = caches.get(db);
  if (!entry) {
    entry = { seats: /* @__PURE__ */ new Map(), rounds: /* @__PURE__ */ new Map() };
    caches.set(db, entry);
  }
  return entry;
}
function remember(cache, key2, value) {
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value);
  cache.set(key2, value);
  return value;
}
async function seatOf(db, scorecardId) {
  const { seats } = cachesOf(db);
  const cached = seats.get(scorecardId);
  if (cached) return cached;
  const row = await db.selectFrom("scorecard").select(["loopId", "roundId", "interviewerId", "openingId", "roundKind"]).where("id", "=", scorecardId).executeTakeFirst();
  if (!row) throw new NotFoundError("No such scorecard");
  return remember(seats, scorecardId, row);
}
async function roundOf(db, roundId) {
  const { rounds } = cachesOf(db);
  const cached = rounds.get(roundId);
  if (cached) return cached;
  const [round, competencies, questions] = await Promise.all([
    db.selectFrom("loopRound").innerJoin("loop", "loop.id", "loopRound.loopId").select(["loopRound.kind", "loopRound.format", "loop.evidenceRule", "loop.visibilityMode"]).where("loopRound.id", "=", roundId).executeTakeFirstOrThrow(),
    db.selectFrom("loopRoundCompetency as lrc").innerJoin("competencyRevision as rev", "rev.id", "lrc.revisionId").select(["lrc.competencyId as id", "rev.name", "lrc.revisionId"]).where("lrc.roundId", "=", roundId).orderBy("lrc.position").execute(),
    db.selectFrom("loopRoundQuestion").select("id").where("roundId", "=", roundId).orderBy("position").execute()
  ]);
  return remember(rounds, roundId, {
    kind: round.kind,
    format: round.format,
    evidenceRule: round.evidenceRule,
    visibilityMode: round.visibilityMode,
    competencies,
    questions
  });
}
async function ownSeat(db, actor, scorecardId) {
  const seat = await seatOf(db, scorecardId);
  if (seat.interviewerId !== actor.id) throw new ForbiddenError("This is another interviewer\u2019s scorecard");
  return seat;
}
function parseDocument(content) {
  return { ...emptyDocument, ...JSON.parse(content) };
}
function assertReferences(doc, round) {
  const issues = referenceIssues(doc, round);
  if (issues.length) throw new InputError(Object.fromEntries(issues.map((i) => [i.path, i.message])));
}
async function explainMissedUpdate(db, scorecardId) {
  const row = await db.selectFrom("scorecard").select(["status", "version", "content"]).where("id", "=", scorecardId).executeTakeFirst();
  if (!row) {
    cachesOf(db).seats.delete(scorecardId);
    throw new NotFoundError("No such scorecard");
  }
  if (row.status === "submitted") {
    throw new ConflictError("This scorecard is submitted. To change it, amend it with a reason.");
  }
  throw new VersionConflictError(row.version, parseDocument(row.content));
}
async function saveScorecard(db, actor, scorecardId, baseVersion, doc, now = Date.now()) {
  const seat = await ownSeat(db, actor, scorecardId);
  assertReferences(doc, await roundOf(db, seat.roundId));
  const result = await db.updateTable("scorecard").set({
    content: JSON.stringify(doc),
    version: sql17`version + 1`,
    status: sql17`case when status = 'not_started' then 'draft' else status end`,
    startedAt: sql17`coalesce(started_at, ${now})`,
    updatedAt: now
  }).where("id", "=", scorecardId).where("version", "=", baseVersion).where("status", "!=", "submitted").executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return explainMissedUpdate(db, scorecardId);
  return { version: baseVersion + 1 };
}
async function writeRatingRows(db, scorecardId, seat, round, doc, times) {
  await db.deleteFrom("scorecardRating").where("scorecardId", "=", scorecardId).execute();
  await db.insertInto("scorecardRating").values(
    round.competencies.map((c) => ({
      scorecardId,
      loopId: seat.loopId,
      interviewerId: seat.interviewerId,
      competencyId: c.id,
      revisionId: c.revisionId,
      rating: doc.ratings.find((r) => r.competencyId === c.id)?.rating ?? null,
      submittedAt: times.submittedAt,
      interviewedAt: times.interviewedAt,
      openingId: seat.openingId,
      roundKind: seat.roundKind
    }))
  ).execute();
}
function assertComplete(doc, round) {
  const issues = submissionIssues(doc, round);
  if (issues.length) throw new IncompleteError(issues);
}
async function submitScorecard(db, actor, scorecardId, now = Date.now()) {
  const seat = await ownSeat(db, actor, scorecardId);
  const round = await roundOf(db, seat.roundId);
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("scorecard").select(["status", "version", "content", "scheduledAt"]).where("id", "=", scorecardId).executeTakeFirstOrThrow();
    if (row.status === "submitted") throw new ConflictError("This scorecard is already submitted");
    const doc = parseDocument(row.content);
    assertComplete(doc, round);
    await trx.updateTable("scorecard").set({
      status: "submitted",
      submittedAt: now,
      startedAt: sql17`coalesce(started_at, ${now})`,
      recommendation: doc.recommendation,
      version: row.version + 1,
      updatedAt: now
    }).where("id", "=", scorecardId).execute();
    await writeRatingRows(trx, scorecardId, seat, round, doc, {
      submittedAt: now,
      interviewedAt: row.scheduledAt
    });
    await trx.insertInto("scorecardSubmission").values({ scorecardId, content: row.content, reason: null, submittedBy: actor.id, submittedAt: now }).execute();
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: "scorecard.submitted",
        entityType: "scorecard",
        entityId: scorecardId
      },
      now
    );
    await refreshLoopCalibration(trx, seat.loopId);
    return { version: row.version + 1 };
  });
}

// src/lib/server/debriefs.ts
async function assertCanDebrief(db, actor, loopId) {
  const loop = await db.selectFrom("loop").select("openingId").where("id", "=", loopId).executeTakeFirst();
  if (!loop) throw new NotFoundError("No such loop");
  await assertCanManageOpeningLoops(db, actor, loop.openingId);
  await assertFeedbackVisible(db, actor, loopId);
}
function cleanNotes(notes) {
  const kept = {};
  for (const [key2, text2] of Object.entries(notes)) {
    if (!/^(competency-\d+|strong-no|general)$/.test(key2)) continue;
    if (text2.length > debriefNotesLimit) {
      throw new InputError({ [`notes.${key2}`]: `Keep each note under ${debriefNotesLimit} characters` });
    }
    if (text2.trim()) kept[key2] = text2;
  }
  return kept;
}
async function assertPeople(db, ids) {
  const unique = [...new Set(ids)];
  const people2 = unique.length ? await db.selectFrom("user").select(["id", "name"]).where("id", "in", unique).execute() : [];
  if (people2.length !== unique.length)
    throw new InputError({ attendeeIds: "Choose attendees from the list" });
  return people2;
}
async function writeDebrief(db, actor, loopId, input, now) {
  const notes = JSON.stringify(cleanNotes(input.notes));
  const attendeeIds = JSON.stringify([...new Set(input.attendeeIds)]);
  await db.insertInto("debrief").values({ loopId, notes, attendeeIds, updatedBy: actor.id, updatedAt: now }).onConflict(
    (oc) => oc.column("loopId").doUpdateSet({ notes, attendeeIds, updatedBy: actor.id, updatedAt: now })
  ).execute();
}
async function recordDecision(db, actor, loopId, input, now = Date.now()) {
  await assertCanDebrief(db, actor, loopId);
  const attendees = await assertPeople(db, input.attendeeIds);
  return db.transaction().execute(async (trx) => {
    const loop = await trx.selectFrom("loop").select("cancelledAt").where("id", "=", loopId).executeTakeFirstOrThrow();
    if (loop.cancelledAt !== null) throw new ConflictError("This loop is cancelled");
    const previous = await trx.selectFrom("loopDecision").select(["outcome", "rationale", "dissent"]).where("loopId", "=", loopId).orderBy("decidedAt", "desc").orderBy("id", "desc").executeTakeFirst();
    const changeReason = input.changeReason.trim();
    if (previous && !changeReason) throw new InputError({ changeReason: "Say why the decision changes" });
    if (input.notes)
      await writeDebrief(trx, actor, loopId, { notes: input.notes, attendeeIds: input.attendeeIds }, now);
    const { id } = await trx.insertInto("loopDecision").values({
      loopId,
      outcome: input.outcome,
      rationale: input.rationale,
      dissent: input.dissent,
      attendees: JSON.stringify(attendees.sort((a, b) => a.name.localeCompare(b.name))),
      changeReason: previous ? changeReason : null,
      decidedBy: actor.id,
      decidedAt: now
    }).returning("id").executeTakeFirstOrThrow();
    await trx.updateTable("loop").set({ outcome: input.outcome, updatedAt: now }).where("id", "=", loopId).execute();
    await refreshLoopCalibration(trx, loopId);
    await recordAudit(
      trx,
      {
        actorUserId: actor.id,
        action: previous ? "loop.decision_changed" : "loop.decided",
        entityType: "loop",
        entityId: loopId,
        before: previous ?? void 0,
        after: {
          outcome: input.outcome,
          rationale: input.rationale,
          dissent: input.dissent,
          changeReason: previous ? changeReason : void 0
        }
      },
      now
    );
    return id;
  });
}

// src/lib/server/demo/feedback.ts
var leniency = {
  priya: 0.5,
  sam: -0.5,
  lena: 0,
  diego: 0.25,
  mei: 0,
  manager: -0.25
};
var splitSide = {
  priya: 1.2,
  diego: 1.2,
  mei: 0.6,
  sam: -1.2,
  lena: -1.3,
  manager: -0.3
};
var evidence2 = {
  1: [
    "Could not get started without heavy prompting; the answer stayed vague.",
    "Gave a textbook answer but no example of doing it themselves."
  ],
  2: [
    "Got part of the way with hints; missed cases we then discussed.",
    "The example was real but their own part in it stayed unclear."
  ],
  3: [
    "A complete answer with clear reasoning; handled the follow-ups well.",
    "Specific example, clear about what they did and what changed."
  ],
  4: [
    "Anticipated the follow-ups and explained the trade-offs unprompted.",
    "Outstanding example with measured results; raised points we had not asked about."
  ]
};
function clampRating2(value) {
  return Math.min(4, Math.max(1, Math.round(value)));
}
function recommendationFor2(mean) {
  return mean >= 3.5 ? 4 : mean >= 2.75 ? 3 : mean >= 2 ? 2 : 1;
}
async function fillPanel(db, people2, loopId, profile, { lateFor, missing } = {}) {
  const seats = await db.selectFrom("scorecard").innerJoin("loopRound", "loopRound.id", "scorecard.roundId").select([
    "scorecard.id",
    "scorecard.interviewerId",
    "scorecard.scheduledAt",
    "scorecard.roundId",
    "loopRound.kind",
    "loopRound.format",
    "loopRound.durationMinutes"
  ]).where("scorecard.loopId", "=", loopId).execute();
  for (const seat of seats) {
    const who = Object.keys(people2).find((key2) => people2[key2].id === seat.interviewerId);
    if (who === missing) continue;
    const [competencies, questions] = await Promise.all([
      db.selectFrom("loopRoundCompetency").select("competencyId").where("roundId", "=", seat.roundId).orderBy("position").execute(),
      db.selectFrom("loopRoundQuestion").select("id").where("roundId", "=", seat.roundId).orderBy("position").execute()
    ]);
    const ratings = competencies.map(({ competencyId }, i) => {
      const wobble = ((competencyId * 7 + seat.interviewerId * 3) % 3 - 1) * 0.4;
      const rating = clampRating2(profile.base + (profile.split ? splitSide[who] : leniency[who]) + wobble);
      return { competencyId, rating, notAssessedReason: null, evidence: evidence2[rating][i % 2] };
    });
    const mean = ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length;
    const recommendation = profile.split && who === "lena" ? 1 : recommendationFor2(mean);
    const field = noteFieldsFor(seat.kind, seat.format)[0];
    const document = {
      recommendation,
      summary: recommendation >= 3 ? "Would be a strong addition; the evidence above is consistent." : recommendation === 2 ? "Not yet at the level this role needs, though there is promise." : "Clear gaps against the bar; I would not hire for this role.",
      freeNotes: "",
      ratings,
      notes: questions.length ? [{ questionId: questions[0].id, field, text: "Started confidently; see the ratings for detail." }] : []
    };
    const end = interviewEnd(seat.scheduledAt, seat.durationMinutes);
    const submittedAt = end + (who === lateFor ? 30 : 3) * hour2;
    await saveScorecard(db, people2[who], seat.id, 0, document, end);
    await submitScorecard(db, people2[who], seat.id, submittedAt);
  }
}
async function decide(db, manager, loopId, outcome, at) {
  const attendees = await db.selectFrom("scorecard").select("interviewerId").distinct().where("loopId", "=", loopId).execute();
  await recordDecision(
    db,
    manager,
    loopId,
    {
      outcome,
      rationale: outcome === "hire" ? "Strong across the technical rounds and convincing on ownership; no concerns the panel could not resolve." : "Below the bar in coding and system design, consistently across the panel.",
      dissent: outcome === "hire" ? "" : "Diego would have offered a second technical round.",
      attendeeIds: attendees.map((a) => a.interviewerId),
      changeReason: ""
    },
    at
  );
}

// src/lib/server/demo/hiring.ts
var engineers = [
  { name: "Amara Osei", profile: { base: 3.4 } },
  { name: "Jonas Becker", profile: { base: 2.7, split: true } },
  { name: "Hannah Lindqvist", profile: { base: 1.9 } },
  { name: "Tom\xE1s Silva", profile: { base: 3 } },
  { name: "Zainab Yusuf", profile: { base: 3.6 } },
  { name: "Lucas Moreau", profile: { base: 2.4 } },
  { name: "Aisha Rahman", profile: { base: 3.2 } },
  { name: "Pavel Nov\xE1k", profile: { base: 2.9 } },
  { name: "Sofia Marquez" },
  { name: "Kenji Watanabe" },
  { name: "Chlo\xE9 Dubois" },
  { name: "Ravi Menon" }
];
var managers = ["Eleanor Price", "Marcus Webb", "Ingrid Solberg"];
function emailOf(name) {
  return `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@example.org`;
}
async function templateIdByName(db, name) {
  return (await db.selectFrom("loopTemplate").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}
async function seedHiring(db, user, now) {
  const recruiter = user("recruiter");
  const manager = user("manager");
  const morning = Math.floor(now / day) * day + 9 * hour2;
  const twoHoursAgo = Math.floor(now / hour2) * hour2 - 2 * hour2;
  const payments = await insertOpening(db, recruiter.id, {
    title: "Senior Software Engineer, Payments",
    team: "Payments",
    level: "Senior",
    templateId: await templateIdByName(db, "Senior Software Engineer"),
    hiringManagerIds: [manager.id],
    status: "open"
  });
  const platform = await insertOpening(db, recruiter.id, {
    title: "Engineering Manager, Platform",
    team: "Platform",
    level: "Manager",
    templateId: await templateIdByName(db, "Engineering Manager"),
    hiringManagerIds: [manager.id, user("admin").id],
    status: "open"
  });
  const candidate = async (name, openingId, notes = "") => insertCandidate(db, recruiter.id, { name, email: emailOf(name), notes, openingIds: [openingId] });
  const [priya, sam, lena, diego, mei] = ["priya", "sam", "lena", "diego", "mei"].map(user);
  const engineerPanel = (start) => [
    { round: 0, interviewerIds: [priya.id], scheduledAt: start },
    { round: 1, interviewerIds: [sam.id], scheduledAt: start + 1.5 * hour2 },
    { round: 2, interviewerIds: [lena.id], scheduledAt: start + 3 * hour2 },
    { round: 3, interviewerIds: [diego.id], scheduledAt: start + 4 * hour2 },
    { round: 4, interviewerIds: [manager.id, mei.id], scheduledAt: start + 5 * hour2 }
  ];
  const people2 = { priya, sam, lena, diego, mei, manager };
  for (const [i, engineer] of engineers.entries()) {
    const candidateId = await candidate(
      engineer.name,
      payments,
      i < 3 ? "Referred by the Payments team." : ""
    );
    if (engineer.profile) {
      const start = morning - (10 - i) * day;
      const loop2 = await createLoop(
        db,
        recruiter,
        { candidateId, openingId: payments, panel: engineerPanel(start) },
        now
      );
      await fillPanel(db, people2, loop2.loopId, engineer.profile, {
        lateFor: i === 3 ? "sam" : void 0,
        // One loop still waits for a scorecard: the hiring manager's own.
        missing: i === 4 ? "manager" : void 0
      });
      if (i === 0) await decide(db, manager, loop2.loopId, "hire", start + 2 * day);
      if (i === 2) await decide(db, manager, loop2.loopId, "no_hire", start + 2 * day);
      continue;
    }
    const loop = (start, rounds = 5) => createLoop(
      db,
      recruiter,
      { candidateId, openingId: payments, panel: engineerPanel(start).slice(0, rounds) },
      now
    );
    if (engineer.name === "Sofia Marquez") await loop(twoHoursAgo);
    if (engineer.name === "Kenji Watanabe") await loop(morning + 2 * day);
    if (engineer.name === "Chlo\xE9 Dubois") await loop(morning + 7 * day, 2);
    if (engineer.name === "Ravi Menon") {
      const cancelled = await loop(morning + 3 * day);
      await cancelLoop(db, recruiter, cancelled.loopId, "Candidate accepted another offer", now);
    }
  }
  const managerIds = [];
  for (const name of managers) managerIds.push(await candidate(name, platform));
  const firstManager = managerIds[0];
  await createLoop(
    db,
    recruiter,
    {
      candidateId: firstManager,
      openingId: platform,
      panel: [
        { round: 0, interviewerIds: [sam.id], scheduledAt: morning + day },
        { round: 1, interviewerIds: [priya.id], scheduledAt: morning + day + 1.5 * hour2 },
        { round: 2, interviewerIds: [manager.id], scheduledAt: morning + day + 3 * hour2 },
        { round: 3, interviewerIds: [lena.id], scheduledAt: morning + day + 4.5 * hour2 },
        { round: 4, interviewerIds: [mei.id, diego.id], scheduledAt: morning + day + 6 * hour2 },
        { round: 5, interviewerIds: [user("admin").id], scheduledAt: morning + 2 * day }
      ]
    },
    now
  );
}

// src/lib/server/demo/index.ts
var demoPassword = "panelist-demo-2026";
var people = [
  { name: "Alex Admin", email: "admin@example.com", role: "admin", note: "admin" },
  { name: "Riley Reed", email: "recruiter@example.com", role: "recruiter", note: "recruiter" },
  { name: "Morgan Hale", email: "manager@example.com", role: "interviewer", note: "hiring manager" },
  { name: "Priya Natarajan", email: "priya@example.com", role: "interviewer", note: "interviewer" },
  { name: "Sam Okafor", email: "sam@example.com", role: "interviewer", note: "interviewer" },
  { name: "Lena Fischer", email: "lena@example.com", role: "interviewer", note: "interviewer" },
  { name: "Diego Alvarez", email: "diego@example.com", role: "interviewer", note: "interviewer" },
  { name: "Mei Chen", email: "mei@example.com", role: "interviewer", note: "interviewer" }
];
async function seedDemo(db, now = Date.now()) {
  if (await hasAnyUser(db)) {
    throw new ConflictError("the database already has users; seed-demo needs an empty database");
  }
  const users = /* @__PURE__ */ new Map();
  for (const person of people) {
    users.set(person.email.split("@")[0], await createUser(db, { ...person, password: demoPassword }));
  }
  await seedHiring(db, (key2) => users.get(key2), now);
  return people;
}

// src/cli/commands.ts
var UsageError = class extends Error {
};
function parseOptions(schema, values) {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const [field, message] = Object.entries(issuesToFieldErrors(result.error.issues))[0];
  throw new UsageError(`--${field}: ${message}`);
}
async function withDatabase(run) {
  const db = openDatabase(databasePath());
  try {
    await prepareDatabase(db);
    return await run(db);
  } finally {
    await db.destroy();
  }
}
async function passwordFrom(option) {
  if (option !== void 0) return { password: option, generated: false };
  if (process.stdin.isTTY) return { password: generateSecureRandomString(), generated: true };
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const password = Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
  return { password, generated: false };
}
function checkPassword(password) {
  const result = newPasswordSchema.safeParse(password);
  if (!result.success) throw new UsageError(`password: ${result.error.issues[0].message}`);
}
function explainInputError(error) {
  if (error instanceof InputError) {
    const [field, message] = Object.entries(error.fieldErrors)[0];
    throw new Error(field === "form" ? message : `${field}: ${message}`);
  }
  throw error;
}
var commands = {
  migrate: {
    options: {},
    positionals: 0,
    run: async () => {
      const db = openDatabase(databasePath());
      try {
        const applied = await prepareDatabase(db);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
      } finally {
        await db.destroy();
      }
    }
  },
  "create-user": {
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" }
    },
    positionals: 0,
    run: async (values) => {
      const input = parseOptions(
        z5.object({ email: emailSchema, name: personNameSchema, role: roleSchema }),
        values
      );
      const { password, generated } = await passwordFrom(values.password);
      checkPassword(password);
      await withDatabase(async (db) => {
        const user = await createUser(db, { ...input, password }).catch(explainInputError);
        console.log(`Created ${user.role} ${user.name} <${user.email}> (id ${user.id}).`);
        if (generated) console.log(`Password (shown once): ${password}`);
      });
    }
  },
  "reset-password": {
    options: { email: { type: "string" }, password: { type: "string" } },
    positionals: 0,
    run: async (values) => {
      const { email } = parseOptions(z5.object({ email: emailSchema }), values);
      const { password, generated } = await passwordFrom(values.password);
      checkPassword(password);
      await withDatabase(async (db) => {
        await resetPassword(db, email, password).catch(explainInputError);
        console.log(`New password set for ${email}; their sessions have ended.`);
        if (generated) console.log(`Password (shown once): ${password}`);
      });
    }
  },
  "create-token": {
    options: { email: { type: "string" }, name: { type: "string" } },
    positionals: 0,
    run: async (values) => {
      const input = parseOptions(
        z5.object({
          email: emailSchema,
          name: z5.string().trim().min(1, "Enter a name").max(100).default("CLI token")
        }),
        values
      );
      await withDatabase(async (db) => {
        const user = await findUserByEmail(db, input.email);
        if (!user) throw new Error(`no user with email ${input.email}`);
        if (user.deactivatedAt !== null) throw new Error(`${input.email} is deactivated`);
        const { token } = await createApiToken(db, user.id, input.name);
        console.error(`API token "${input.name}" for ${user.email}. It is shown once; store it now:`);
        console.log(token);
      });
    }
  },
  backup: {
    options: {},
    positionals: 1,
    run: async (_values, [target]) => {
      const source = databasePath();
      if (!fs2.existsSync(source)) throw new Error(`no database at ${source}`);
      if (fs2.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
      const sqlite = openSqlite(source);
      try {
        await sqlite.backup(target);
      } finally {
        sqlite.close();
      }
      console.log(`Backed up ${source} to ${target}.`);
    }
  },
  generate: {
    options: { scorecards: { type: "string" }, seed: { type: "string" }, until: { type: "string" } },
    positionals: 0,
    run: async (values) => {
      const input = parseOptions(
        z5.object({
          scorecards: z5.coerce.number({ error: "Give the number of scorecards, like 100000" }).int("Give a whole number").min(10, "Generate at least 10 scorecards").max(2e7, "At most 20 million scorecards"),
          seed: z5.coerce.number().int("Give a whole number").default(1),
          until: z5.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give a date like 2026-11-01").default("2026-11-01")
        }),
        values
      );
      const sqlite = openSqlite(databasePath());
      const db = createDb(sqlite);
      try {
        await prepareDatabase(db);
        const started = performance.now();
        const summary = await generateOrganisation(db, sqlite, {
          scorecards: input.scorecards,
          seed: input.seed,
          until: Date.parse(`${input.until}T00:00:00Z`),
          onProgress: (done, total) => progress(done, total, started)
        });
        const seconds = (performance.now() - started) / 1e3;
        process.stderr.write("\n");
        console.log(
          `Generated ${summary.scorecards.toLocaleString("en")} scorecards (${summary.ratings.toLocaleString("en")} ratings) in ${summary.loops.toLocaleString("en")} loops, ${summary.openings} openings and ${summary.users.toLocaleString("en")} users in ${seconds.toFixed(1)} s (${Math.round(summary.scorecards / seconds).toLocaleString("en")} scorecards/s). Everyone signs in with ${generatedPassword}.`
        );
      } finally {
        await db.destroy();
      }
    }
  },
  "seed-demo": {
    options: {},
    positionals: 0,
    run: async () => {
      await withDatabase(async (db) => {
        const logins = await seedDemo(db);
        console.log(
          `Demo organisation created in ${databasePath()}. Every demo user signs in with the password ${demoPassword}`
        );
        for (const login of logins)
          console.log(`  ${login.note.padEnd(15)} ${login.email.padEnd(24)} ${login.name}`);
      });
    }
  }
};
function progress(done, total, started) {
  if (!process.stderr.isTTY && done < total) return;
  const width = 30;
  const filled = Math.round(done / total * width);
  const rate = Math.round(done / ((performance.now() - started) / 1e3));
  process.stderr.write(
    `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor(done / total * 100)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} scorecards, ${rate.toLocaleString("en")}/s `
  );
}

// src/cli/main.ts
var usage = `Usage: panelist <command> [options]

Commands:
  migrate                                  Apply pending database migrations
  create-user --email <email> --name <name> --role <admin|recruiter|interviewer> [--password <password>]
                                           Create a user. Without --password the password is read from
                                           stdin, or generated and printed when stdin is a terminal
  reset-password --email <email> [--password <password>]
                                           Set a new password (same sources as create-user) and end
                                           all of the user's sessions
  create-token --email <email> [--name <name>]
                                           Create an API token for the user and print it once
  backup <file>                            Copy the live database to <file>; safe while the server runs
  seed-demo                                Fill an empty database with the demo organisation
  generate --scorecards <n> [--seed <s>] [--until <yyyy-mm-dd>]
                                           Fill an empty database with a synthetic organisation:
                                           n scorecards over the three years before --until

Every command uses the database at DATABASE_PATH (default ./data/panelist.db).
Exit status: 0 done, 1 failed (the reason is printed), 2 bad arguments (usage is printed).`;
async function main(argv) {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`panelist: unknown command "${name}"

${usage}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.positionals > 0,
      strict: true
    });
    if (positionals.length !== command.positionals) {
      throw new UsageError(`${name} takes ${command.positionals} argument(s), got ${positionals.length}`);
    }
    await command.run(values, positionals);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`panelist ${name}: ${message}

${usage}`);
      return 2;
    }
    console.error(`panelist ${name}: ${message.split("\n")[0]}`);
    return 1;
  }
}
function isParseArgsError(error) {
  const code = error?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
process.exitCode = await main(process.argv.slice(2));
export {
  usage
};
