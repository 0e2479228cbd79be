namespace Marketplace.Web.Features.Watch;

/// <summary>
/// Quartz's own PostgreSQL schema, as the Quartz assembly carries it (the script its job store runs for
/// SchemaProvisioning.CreateIfMissing: every statement CREATE … IF NOT EXISTS). The Watch migration runs it, so the
/// job store's tables are created like every other table, by a migration, and the app's account needs no DDL
/// rights at run time. A Quartz upgrade that changes the schema brings its own migration script (database/migrations
/// in Quartz's repository) for a new migration of ours.
/// </summary>
public static class QuartzSchema
{
    private const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>The script's statements for tables named with <paramref name="prefix"/> (in the default schema).</summary>
    public static IReadOnlyList<string> Statements(string prefix)
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The Quartz assembly has no {Resource}.");
        var script = new StreamReader(stream).ReadToEnd().Replace("{0}", prefix).Replace("{1}", prefix);
        // The script separates statements with a line reading exactly '--;;'.
        return script.Split("\n--;;", StringSplitOptions.TrimEntries)
            .Select(s => string.Join('\n', s.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(s => s.Length > 0).ToList();
    }

    /// <summary>The tables the script creates, for the migration's Down.</summary>
    public static IReadOnlyList<string> Tables(string prefix) =>
        Statements(prefix).Select(s => System.Text.RegularExpressions.Regex.Match(s, @"^CREATE TABLE IF NOT EXISTS (\S+)"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
}
