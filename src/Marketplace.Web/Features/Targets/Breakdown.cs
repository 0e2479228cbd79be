namespace Marketplace.Web.Features.Targets;

/// <summary>One breakdown on the dashboard: a chart drawn by dashboard.ts from <see cref="Path"/> in /api/targets, and
/// the same numbers as a table (for screen readers, for print, and before the script runs).</summary>
/// <param name="Path">Where the slices are in the response, e.g. <c>deals.byCategory</c>.</param>
/// <param name="Drill">For the park office: the records behind a slice, with {key} replaced by the slice's key.</param>
public sealed record Breakdown(string Path, string Title, IReadOnlyList<Slice> Slices, string AmountLabel, string? SecondLabel, string Chart, string? Drill);
