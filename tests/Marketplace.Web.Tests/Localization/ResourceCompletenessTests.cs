using Marketplace.Domain.Common;
using Marketplace.Web.Platform.Identity;
using Marketplace.Web.Features.Targets;
using Marketplace.Tests.Shared;

namespace Marketplace.Web.Tests.Localization;

/// <summary>
/// Every word the code says to people has a Chinese entry, every enum value shown on a page has a display name in
/// both languages, and no message is put together in a way that cannot be translated. Adding an untranslated
/// message, or a new enum value, fails here with the place that says it.
/// </summary>
public sealed class ResourceCompletenessTests
{
    /// <summary>Enums that never reach a reader by name: match reasons are told as sentences (MatchExplanation), and
    /// import columns by the spreadsheet's own headers, the watch's reminder flags are its bookkeeping of what it told,
    /// the home page's audiences choose which sections a visitor sees.</summary>
    private static readonly string[] NotShown = ["MatchReasonKind", "ImportColumn", "FeeReminders", "HomeAudience"];

    [Fact]
    public void Every_message_template_label_and_key_has_a_chinese_translation()
    {
        var missing = MessageSources.Keys.Where(k => !ResourceFiles.Chinese.ContainsKey(k.Key)).ToList();
        Assert.True(missing.Count == 0, Report("no zh-CN entry", missing));
        var unnamed = MessageSources.Keys.Where(k => ResourceFiles.IsName(k.Key) && !ResourceFiles.English.ContainsKey(k.Key)).ToList();
        Assert.True(unnamed.Count == 0, Report("a name used as a key has no English entry in SharedResource.resx", unnamed));
    }

    [Fact]
    public void No_message_is_built_by_interpolation_or_from_a_finished_sentence()
    {
        Assert.True(MessageSources.Untranslatable.Count == 0,
            Report("a computed string becomes a Text (write new Text(\"… {0} …\", value) instead)", MessageSources.Untranslatable));
    }

    [Fact]
    public void Every_enum_value_has_a_display_name_in_english_and_chinese()
    {
        var enums = new[] { typeof(Text).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.IsPublic && !NotShown.Contains(t.Name)).ToList();
        Assert.NotEmpty(enums);
        var keys = enums.SelectMany(t => Enum.GetNames(t).Select(v => $"{t.Name}.{v}")).ToList();
        AssertNamed(keys);
    }

    [Fact]
    public void Audit_actions_entities_roles_and_plan_groups_have_names_in_both_languages()
    {
        Assert.NotEmpty(MessageSources.AuditActions);
        var actions = MessageSources.AuditActions.Select(a => "AuditAction." + a.Key);
        var entities = new[] { "Listing", "Deal", "TechnologyNeed", "Inquiry", "Payment", "Patent", "PledgeApplication", "MatchmakingSession",
            "SessionRegistration", "Organization", "User", "BankPledgePolicy" }.Select(e => "AuditEntity." + e);
        var roles = Roles.All.Select(r => "Role." + r);
        var groups = new[] { TargetGroups.Enterprises, TargetGroups.Others, TargetGroups.OtherIndustry }.Select(g => "TargetGroup." + g);
        AssertNamed([.. actions, .. entities, .. roles, .. groups, "AuditState.Verified", "AuditState.Unverified"]);
    }

    [Fact]
    public void Translations_keep_their_placeholders_and_are_written_in_chinese()
    {
        var broken = ResourceFiles.Chinese.Concat(ResourceFiles.English)
            .Where(e => e.Value.Length == 0 || ResourceFiles.Placeholders(e.Value).Except(ResourceFiles.Placeholders(e.Key)).Any()
                        && !ResourceFiles.IsName(e.Key))
            .Select(e => $"{e.Key} → {e.Value}").ToList();
        Assert.True(broken.Count == 0, "empty, or with a placeholder the key does not have:\n" + string.Join("\n", broken));
        var english = ResourceFiles.Chinese.Where(e => ResourceFiles.HasWords(e.Key) && !ResourceFiles.HasChinese(e.Value))
            .Select(e => $"{e.Key} → {e.Value}").ToList();
        Assert.True(english.Count == 0, "zh-CN entries without Chinese:\n" + string.Join("\n", english));
    }

    private static void AssertNamed(IReadOnlyCollection<string> keys)
    {
        var missing = keys.Distinct()
            .Where(k => !ResourceFiles.English.ContainsKey(k) || !ResourceFiles.Chinese.ContainsKey(k))
            .Select(k => $"{k}: {(ResourceFiles.English.ContainsKey(k) ? "" : "no English ")}{(ResourceFiles.Chinese.ContainsKey(k) ? "" : "no Chinese")}")
            .ToList();
        Assert.True(missing.Count == 0, "missing display names:\n" + string.Join("\n", missing));
    }

    private static string Report(string problem, IEnumerable<KeyUse> uses) =>
        $"{problem}:\n" + string.Join("\n", uses.GroupBy(u => u.Key).Select(g => $"\"{g.Key}\" ({string.Join(", ", g.Select(u => u.Where).Take(3))})"));
}
