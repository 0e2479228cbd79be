namespace Marketplace.Web.Features.Targets;

/// <summary>
/// The plan's owner groups and IPC-based industries when configuration names none (Targets:Owners,
/// Targets:Industries replace them whole). Lists are filled here rather than as property defaults because the
/// configuration binder appends to a list it finds filled.
/// </summary>
internal static class DefaultGroups
{
    public static void Apply(TargetOptions o)
    {
        if (o.Owners.Count == 0)
            o.Owners =
            [
                new() { Key = "HitWeihai", NameZh = "哈尔滨工业大学（威海）", NameEn = "HIT Weihai", Names = ["哈尔滨工业大学（威海）", "哈尔滨工业大学（威海）技术转移中心"] },
                new() { Key = "SduWeihai", NameZh = "山东大学（威海）", NameEn = "SDU Weihai", Names = ["山东大学（威海）", "山东大学（威海）技术转移中心"] },
            ];
        if (o.Industries.Count == 0)
            o.Industries =
            [
                new() { Key = "MedicalDevices", NameZh = "医疗器械", NameEn = "Medical devices", IpcPrefixes = ["A61B", "A61F", "A61G", "A61H", "A61J", "A61L", "A61M", "A61N"] },
                new() { Key = "MarineShip", NameZh = "海洋与船舶装备", NameEn = "Marine and ship equipment", IpcPrefixes = ["B63", "B63B", "B63H", "A01K61", "A01K80", "G01C21", "E02B"] },
                new() { Key = "Electronics", NameZh = "电子信息", NameEn = "Electronics", IpcPrefixes = ["G06", "G01R", "G01S", "G11", "H01", "H02", "H03", "H04", "H05"] },
                new() { Key = "NewMaterials", NameZh = "新材料", NameEn = "New materials", IpcPrefixes = ["C01", "C04B", "C08", "C09D", "C22C", "C23C"] },
            ];
    }
}
