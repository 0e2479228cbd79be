using Marketplace.Domain.Common;
using Marketplace.Web.Data;
using Marketplace.Web.Features.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Web.Features.Notifications;

/// <summary>
/// Writes notices. Called by domain-event handlers, inside the transaction of the change that caused them, so a notice
/// exists exactly when its cause does. One statement finds the audience, applies each person's choices for the kind,
/// stores a notice per person (once per person and dedupe key) and queues the e-mails. It takes no lock a concurrent
/// write to the same person would wait for (see <see cref="UnreadNotices"/>). After the commit the readers' counts are
/// dropped, and the live push and the e-mail sender are woken.
/// </summary>
public sealed class NoticeBoard(MarketplaceDb db, LivePush push, EmailOutbox outbox, UnreadNotices unread, TimeProvider clock)
{
    public async Task<int> PostAsync(NoticeAudience to, NoticeKind kind, Text text, string? url, Guid? subjectId,
        string? dedupeKey = null, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Notices are written inside the transaction of their cause.");
        // The people told in the app (e-mail-only readers are not counted or pushed).
        var told = await db.Database.SqlQueryRaw<Guid>(Sql, Parameters(to, kind, text, url, subjectId, dedupeKey)).ToListAsync(ct);
        var kindName = kind.Name;
        // Woken even when nobody reads it in the app: someone may have chosen e-mail only.
        db.AfterCommit(() =>
        {
            unread.Forget(told);
            push.Enqueue(told.Select(id => new LivePush.Item(id, kindName, text, url, subjectId)).ToList());
            outbox.Wake();
            return Task.CompletedTask;
        });
        return told.Count;
    }

    private NpgsqlParameter[] Parameters(NoticeAudience to, NoticeKind kind, Text text, string? url, Guid? subjectId, string? dedupeKey) =>
    [
        new("orgs", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = to.Organizations.ToArray() },
        new("roles", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (to.Roles ?? []).ToArray() },
        new("park", to.ParkOffice),
        new("park_role", NoticeAudience.ParkAdminRole),
        new("users", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = (to.Users ?? []).ToArray() },
        new("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = (to.OrganizationTypes ?? []).Select(t => t.ToString()).ToArray() },
        new("except", NpgsqlDbType.Uuid) { Value = (object?)to.Except ?? DBNull.Value },
        new("kind", kind.Name),
        new("in_app", kind.Default(NoticeChannel.InApp)),
        new("email", kind.Default(NoticeChannel.Email)),
        new("digest", kind.Default(NoticeChannel.Digest)),
        new("template", text.Template),
        new("args", NpgsqlDbType.Jsonb) { Value = NoticeText.ArgsToJson(text) },
        new("url", NpgsqlDbType.Varchar) { Value = (object?)url ?? DBNull.Value },
        new("subject", NpgsqlDbType.Uuid) { Value = (object?)subjectId ?? DBNull.Value },
        new("dedupe", NpgsqlDbType.Varchar) { Value = (object?)dedupeKey ?? DBNull.Value },
        new("now", clock.GetUtcNow()),
    ];

    // No braces in this text: EF Core reads {n} in raw SQL as argument placeholders (an empty array is ARRAY[]::uuid[]); a
    // scalar query's column is named "Value". Data-modifying CTEs all run, in one statement: the notices and their e-mails.
    private const string Sql = """
        WITH audience AS (
            SELECT u.id, u.email FROM users u
            WHERE ((u.organization_id = ANY(@orgs) AND (cardinality(@roles) = 0 OR EXISTS (
                        SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = ANY(@roles))))
                   OR (@park AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = @park_role))
                   OR u.id = ANY(@users)
                   OR (cardinality(@types) > 0 AND u.organization_id IN (SELECT o.id FROM organizations o WHERE o.is_verified AND o.type = ANY(@types))))
              AND (@except::uuid IS NULL OR u.organization_id <> @except)
        ), chosen AS (
            SELECT a.id AS user_id, coalesce(p.in_app, @in_app) AS in_app,
                   coalesce(p.email, @email) AND coalesce(a.email, '') <> '' AS email, coalesce(p.digest, @digest) AS digest
            FROM audience a LEFT JOIN notice_preferences p ON p.user_id = a.id AND p.kind = @kind
        ), inserted AS (
            INSERT INTO notices (id, user_id, kind, template, args, url, subject_id, created_at, dedupe_key, in_app, digest)
            SELECT gen_random_uuid(), c.user_id, @kind, @template, @args, @url, @subject, @now, @dedupe, c.in_app, c.digest
            FROM chosen c WHERE c.in_app OR c.email OR c.digest
            ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
            RETURNING id, user_id, in_app
        ), emails AS (
            INSERT INTO outgoing_emails (id, user_id, notice_id, kind, digest_notice_ids, created_at, not_before, attempts)
            SELECT gen_random_uuid(), i.user_id, i.id, @kind, ARRAY[]::uuid[], @now, @now, 0
            FROM inserted i JOIN chosen c ON c.user_id = i.user_id WHERE c.email
        )
        SELECT DISTINCT user_id AS "Value" FROM inserted WHERE in_app
        """;
}
