using Marketplace.Domain.Common;

namespace Marketplace.Domain.Patents;

/// <summary>What one legal-status cell says: the marketplace's state, whether the patent was granted, the
/// register's words for the state (kept as the lapse reason when it lapsed) and the events of its history. A cell
/// of events alone (权利转移) says nothing of the state: <see cref="Status"/> is then null.</summary>
public sealed record LegalStatusReading(LegalStatus? Status, bool Granted, string Reason, LegalEvents Events);

/// <summary>
/// The one table from the words of patent databases to the marketplace's states. Exports write the status in
/// their own vocabularies: simple (有效, 审中, 失效: PatSnap's 简单法律状态, incoPat, Himmpat), events (授权,
/// 实质审查, 未缴年费, 撤回-视为撤回 … joined with " | " in PatSnap's 法律状态/事件), hyphenated (有权-审定授权,
/// 审中-实审, 无权-视为撤回: incoPat's 当前法律状态) and CNIPA's own event names (发明专利申请公布后的视为撤回,
/// 专利权的终止 …). Words that change nothing but the history (质押, 许可, 权利转移 …) become
/// <see cref="LegalEvents"/>. An unknown word is refused rather than guessed: 「有权-审定授权」 contains 审 and
/// was once read as pending.
/// </summary>
public static class LegalStatusTable
{
    private enum Effect { Pending, Granted, Lapsed, LapsedUngranted, Restored, Event }

    private sealed record Word(Effect Effect, LegalEvents Event = LegalEvents.None);

    private static readonly Dictionary<string, Word> Words = new(StringComparer.Ordinal)
    {
        // Simple status (PatSnap 简单法律状态, Himmpat, incoPat's first part, our template).
        ["有效"] = new(Effect.Granted), ["有权"] = new(Effect.Granted), ["授权"] = new(Effect.Granted),
        ["维持"] = new(Effect.Granted), ["审定授权"] = new(Effect.Granted), ["valid"] = new(Effect.Granted),
        ["审中"] = new(Effect.Pending), ["在审"] = new(Effect.Pending), ["实质审查"] = new(Effect.Pending), ["实审"] = new(Effect.Pending),
        ["公开"] = new(Effect.Pending), ["受理"] = new(Effect.Pending), ["pending"] = new(Effect.Pending),
        ["失效"] = new(Effect.LapsedUngranted), ["无权"] = new(Effect.LapsedUngranted), ["lapsed"] = new(Effect.LapsedUngranted),
        // Lapse after grant.
        ["未缴年费"] = new(Effect.Lapsed), ["期限届满"] = new(Effect.Lapsed), ["权利终止"] = new(Effect.Lapsed),
        ["专利权终止"] = new(Effect.Lapsed), ["全部无效"] = new(Effect.Lapsed), ["全部撤销"] = new(Effect.Lapsed),
        ["避免重复授权"] = new(Effect.Lapsed), ["避重放弃"] = new(Effect.Lapsed),
        // Lapse of an application or patent that may not have been granted.
        ["驳回"] = new(Effect.LapsedUngranted), ["撤回"] = new(Effect.LapsedUngranted), ["放弃"] = new(Effect.LapsedUngranted),
        ["视为撤回"] = new(Effect.LapsedUngranted), ["主动撤回"] = new(Effect.LapsedUngranted),
        ["视为放弃"] = new(Effect.LapsedUngranted), ["主动放弃"] = new(Effect.LapsedUngranted),
        ["权利恢复"] = new(Effect.Restored), ["恢复"] = new(Effect.Restored),
        // Events of the history.
        ["质押"] = new(Effect.Event, LegalEvents.Pledge), ["质押登记"] = new(Effect.Event, LegalEvents.Pledge),
        ["许可"] = new(Effect.Event, LegalEvents.Licence), ["许可备案"] = new(Effect.Event, LegalEvents.Licence),
        ["权利转移"] = new(Effect.Event, LegalEvents.Transfer), ["转让"] = new(Effect.Event, LegalEvents.Transfer),
        ["申请权转移"] = new(Effect.Event, LegalEvents.Transfer), ["专利权转移"] = new(Effect.Event, LegalEvents.Transfer),
        ["保全"] = new(Effect.Event, LegalEvents.Preservation), ["复审"] = new(Effect.Event, LegalEvents.Reexamination),
        ["无效程序"] = new(Effect.Event, LegalEvents.Invalidation), ["无效宣告"] = new(Effect.Event, LegalEvents.Invalidation),
        ["部分无效"] = new(Effect.Event, LegalEvents.Invalidation), ["诉讼"] = new(Effect.Event, LegalEvents.Litigation),
        ["一案双申"] = new(Effect.Event, LegalEvents.DualFiling), ["口头审理"] = new(Effect.Event),
        ["著录事项变更"] = new(Effect.Event), ["变更"] = new(Effect.Event), ["海关备案"] = new(Effect.Event),
        ["质押解除"] = new(Effect.Event, LegalEvents.Pledge), ["保全解除"] = new(Effect.Event, LegalEvents.Preservation),
        // CNIPA's event names (the register, pss-system's 法律状态 and the TRS exports of CNIPR).
        ["实质审查的生效"] = new(Effect.Pending), ["发明专利申请公布"] = new(Effect.Pending), ["发明专利申请公开"] = new(Effect.Pending),
        ["授权公告"] = new(Effect.Granted), ["专利权的恢复"] = new(Effect.Restored), ["权利的恢复"] = new(Effect.Restored),
        ["专利权的终止"] = new(Effect.Lapsed), ["未缴年费专利权终止"] = new(Effect.Lapsed), ["专利权的全部无效"] = new(Effect.Lapsed),
        ["专利权有效期届满"] = new(Effect.Lapsed), ["避免重复授权放弃专利权"] = new(Effect.Lapsed),
        ["发明专利申请公布后的驳回"] = new(Effect.LapsedUngranted), ["发明专利申请公布后的视为撤回"] = new(Effect.LapsedUngranted),
        ["发明专利申请公布后的撤回"] = new(Effect.LapsedUngranted), ["专利申请的视为撤回"] = new(Effect.LapsedUngranted),
        ["专利权的视为放弃"] = new(Effect.LapsedUngranted), ["专利权的主动放弃"] = new(Effect.Lapsed), ["专利申请的驳回"] = new(Effect.LapsedUngranted),
        ["专利申请权、专利权的转移"] = new(Effect.Event, LegalEvents.Transfer), ["专利申请权、专利权的转移（专利权的转移）"] = new(Effect.Event, LegalEvents.Transfer),
        ["专利实施许可合同备案的生效、变更及注销"] = new(Effect.Event, LegalEvents.Licence),
        ["专利实施许可合同备案的生效"] = new(Effect.Event, LegalEvents.Licence),
        ["专利权质押合同登记的生效、变更及注销"] = new(Effect.Event, LegalEvents.Pledge),
        ["专利权质押合同登记的生效"] = new(Effect.Event, LegalEvents.Pledge), ["专利权质押合同登记的注销"] = new(Effect.Event, LegalEvents.Pledge),
        ["专利权的保全及其解除"] = new(Effect.Event, LegalEvents.Preservation), ["专利权的部分无效"] = new(Effect.Event, LegalEvents.Invalidation),
        ["专利权人的姓名或者名称、地址的变更"] = new(Effect.Event), ["著录事项变更（专利权人的姓名或者名称、地址的变更）"] = new(Effect.Event),
    };

    // Not "、" or "，": CNIPA's event names contain them (专利申请权、专利权的转移).
    private static readonly string[] Separators = ["|", "｜", ";", "；", "\n"];

    /// <summary>Every word the table knows, for the tests and the import page's help.</summary>
    public static IReadOnlyCollection<string> KnownWords => Words.Keys;

    /// <summary>Reads a status cell; null for an empty cell or PatSnap's "-" (unknown). Throws a
    /// <see cref="DomainRuleException"/> on "legalStatus" for a word the table does not know.</summary>
    public static LegalStatusReading? Read(string? cell)
    {
        var text = (cell ?? "").Trim();
        if (text.Length == 0 || text is "-" or "—" or "--") return null;
        var effects = new List<(Effect Effect, string Words)>();
        var events = LegalEvents.None;
        foreach (var part in Parts(text))
        {
            var word = Find(part) ?? throw new DomainRuleException("legalStatus", new Text(
                "'{0}' is not a legal status this import knows; write 有效, 审中 or 失效.", part));
            if (word.Effect == Effect.Event) events |= word.Event;
            else effects.Add((word.Effect, part));
        }
        return effects.Count == 0 ? new(null, events.HasFlag(LegalEvents.Pledge), text, events) : Decide(effects, events);
    }

    // A restoration undoes a lapse; any lapse ends a grant; a grant ends the examination.
    private static LegalStatusReading Decide(List<(Effect Effect, string Words)> effects, LegalEvents events)
    {
        var granted = effects.Any(e => e.Effect is Effect.Granted or Effect.Lapsed or Effect.Restored);
        var reason = string.Join("；", effects.Select(e => e.Words).Distinct());
        if (effects.Any(e => e.Effect == Effect.Restored)) return new(LegalStatus.Valid, true, reason, events);
        var lapse = effects.Where(e => e.Effect is Effect.Lapsed or Effect.LapsedUngranted).Select(e => e.Words).ToList();
        if (lapse.Count > 0) return new(LegalStatus.Lapsed, granted, string.Join("；", lapse.Distinct()), events);
        if (granted) return new(LegalStatus.Valid, true, reason, events);
        return new(LegalStatus.Pending, false, reason, events);
    }

    private static IEnumerable<string> Parts(string text) =>
        text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p is not ("-" or "—"));

    /// <summary>A whole word, or a hyphenated one by its prefix (有权-审定授权, 撤回-视为撤回, 审中-实审),
    /// or a CNIPA event with a bracketed detail by the words before the bracket.</summary>
    private static Word? Find(string part)
    {
        var key = part.Replace(" ", "").Replace('(', '（').Replace(')', '）');
        if (Words.TryGetValue(key, out var word) || Words.TryGetValue(key.ToLowerInvariant(), out word)) return word;
        var dash = key.IndexOfAny(['-', '－', '—']);
        if (dash > 0 && Words.TryGetValue(key[..dash], out word))
        {
            // 有权/审中/无权 prefix the detail; the detail decides only between granted and ungranted lapse.
            if (word.Effect == Effect.LapsedUngranted && Words.TryGetValue(key[(dash + 1)..], out var detail)
                && detail.Effect is Effect.Lapsed) return detail;
            return word;
        }
        var bracket = key.IndexOf('（');
        return bracket > 0 && Words.TryGetValue(key[..bracket], out word) ? word : null;
    }
}
