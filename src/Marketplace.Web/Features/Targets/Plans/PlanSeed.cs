namespace Marketplace.Web.Features.Targets.Plans;

/// <summary>
/// The park's plan that the product was built for (威高管发〔2022〕17号, 2022–2025): 3,000,000 yuan of licence, equity
/// and transfer deals, 600,000,000 yuan of pledge financing, 4 matchmaking sessions a year. Written by the migration
/// into every database (it is the park's, not demo data), and again by the tests after they empty the tables.
/// </summary>
public static class PlanSeed
{
    public static readonly Guid Id = new("0193a5c0-0000-7000-8000-000000002022");

    public const string Sql = """
        INSERT INTO target_plans (id, name, starts_on, ends_on, targets_deals, targets_pledge_financing, targets_sessions_per_year, created_at, updated_at)
        VALUES ('0193a5c0-0000-7000-8000-000000002022', '国家级知识产权强国建设试点园区工作方案（2022-2025年）', DATE '2022-01-01', DATE '2025-12-31',
                3000000, 600000000, 4, TIMESTAMPTZ '2022-11-25 00:00:00+08', TIMESTAMPTZ '2022-11-25 00:00:00+08')
        ON CONFLICT (id) DO NOTHING;
        """;
}
