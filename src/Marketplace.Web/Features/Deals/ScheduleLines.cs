using System.Globalization;
using Marketplace.Domain.Common;
using Marketplace.Domain.Deals;

namespace Marketplace.Web.Features.Deals;

/// <summary>
/// The schedule as a page form writes it, one instalment a line: <c>2025-07-01; 100000; 首付</c>, with an optional
/// kind first (<c>Royalty; 2026-07-01; 20000; 2026年提成</c>). The domain checks the amounts and the sum.
/// </summary>
public static class ScheduleLines
{
    public static IReadOnlyList<InstalmentPlan> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((line, i) =>
        {
            var parts = line.Split([';', '；'], StringSplitOptions.TrimEntries);
            var kind = Enum.TryParse<InstalmentKind>(parts[0], true, out var k) ? k : (InstalmentKind?)null;
            if (kind is not null) parts = parts[1..];
            if (parts.Length < 2 || !DateOnly.TryParse(parts[0], CultureInfo.InvariantCulture, out var due)
                || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                throw new DomainRuleException($"instalments[{i}]", new Text("Line {0}: write the due date (yyyy-MM-dd) and the amount, then a label.", i + 1));
            return new InstalmentPlan(kind ?? (i == 0 ? InstalmentKind.Upfront : InstalmentKind.Milestone), parts.Length > 2 ? parts[2] : $"第{i + 1}期", due, amount);
        }).ToList();
}
