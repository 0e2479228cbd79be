using Npgsql;

namespace Marketplace.Benchmarks;

/// <summary>
/// Bulk data for the targets benchmark, generated inside PostgreSQL (INSERT … SELECT over generate_series): the
/// demo's deals and disbursed loans are the templates, so every generated row is one the app can read.
/// </summary>
internal static class TargetsData
{
    public static async Task GenerateAsync(NpgsqlDataSource source, int deals, int loans)
    {
        // Deals over 2023–2025 in all five states (three of them counted), amounts 10,000–1,000,000 yuan.
        await ExecuteAsync(source, $"""
            WITH t AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, * FROM deals), n AS (SELECT count(*) AS c FROM t)
            INSERT INTO deals (id, mode, terms, contract_amount, seller_organization_id, buyer_organization_id, patent_id, origin, status,
                               created_at, buyer_confirmed, contract_date, received, registration_number, seller_confirmed, updated_at)
            SELECT gen_random_uuid(), t.mode, t.terms, a.amount, t.seller_organization_id, t.buyer_organization_id, t.patent_id, 'OffPlatform', s.status,
                   now(), true, CASE WHEN s.status = 'Draft' THEN NULL ELSE DATE '2023-01-01' + (g % 1095)::int END,
                   CASE WHEN s.status = 'Completed' THEN a.amount WHEN s.status = 'Recorded' THEN round(a.amount / 2, 2) ELSE 0 END,
                   lpad(g::text, 16, '0'), true, now()
            FROM generate_series(1::bigint, {deals}) AS g
            JOIN t ON t.k = g % (SELECT c FROM n)
            CROSS JOIN LATERAL (SELECT round((10000 + (g * 7919 % 990000))::numeric, 2) AS amount) a
            CROSS JOIN LATERAL (SELECT (ARRAY['Signed','Recorded','Completed','Cancelled','Draft'])[1 + (g % 5)::int] AS status) s
            """);
        // Loans, each disbursed in two tranches in 2023–2025, cloned from a demo loan that was disbursed.
        await ExecuteAsync(source, $"""
            INSERT INTO pledge_applications (id, applicant_organization_id, bank_organization_id, status, requested_amount, term_months, purpose,
                patents, patent_ids, valuation, financials, recommendation, approved_amount, approved_on, registration_number, registered_on,
                disbursements, disbursed_amount, created_at, updated_at, submitted_at)
            SELECT gen_random_uuid(), t.applicant_organization_id, t.bank_organization_id, 'Disbursed', d.amount * 2, t.term_months, t.purpose,
                   t.patents, t.patent_ids, t.valuation, t.financials, t.recommendation, d.amount * 2, d.day, 'Y' || lpad(g::text, 13, '0'), d.day,
                   jsonb_build_array(jsonb_build_object('amount', d.amount, 'on', d.day), jsonb_build_object('amount', d.amount, 'on', d.day + 20)),
                   d.amount * 2, now(), now(), now()
            FROM generate_series(1::bigint, {loans}) AS g
            CROSS JOIN (SELECT * FROM pledge_applications WHERE status = 'Disbursed' ORDER BY id LIMIT 1) t
            CROSS JOIN LATERAL (SELECT round((500000 + (g * 104729 % 4500000))::numeric, 2) AS amount, DATE '2023-01-01' + (g % 1070)::int AS day) d
            """);
        await ExecuteAsync(source, "ANALYZE deals; ANALYZE pledge_applications;");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
