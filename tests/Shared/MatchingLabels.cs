using Marketplace.Domain.Matchmaking;

namespace Marketplace.Tests.Shared;

/// <summary>
/// A labelled set for matching quality: needs written the way enterprises write them, each with the generated catalog's
/// topics (distinctive parts of the patent titles GeneratedCatalog generates) that a person would call relevant. The
/// labels come from the topics, not from the matcher, so precision and recall measure the matcher against them.
/// </summary>
public static class MatchingLabels
{
    public sealed record LabelledNeed(NeedDetails Details, string[] RelevantTopics);

    private static LabelledNeed Need(string title, string description, string[] keywords, string[] ipc, decimal? max, TradeMode[] modes, params string[] topics) =>
        new(new NeedDetails(title, description, null, ipc, keywords, null, max, modes, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120), NeedVisibility.Public), topics);

    private static readonly TradeMode[] Licence = [TradeMode.Licence, TradeMode.OpenLicence];
    private static readonly TradeMode[] Any = [TradeMode.Licence, TradeMode.OpenLicence, TradeMode.Equity, TradeMode.Transfer];
    private static readonly TradeMode[] Buy = [TradeMode.Transfer, TradeMode.Licence];

    public static readonly IReadOnlyList<LabelledNeed> Needs =
    [
        Need("腹腔镜手术用吻合设备", "我公司生产腹腔镜器械，需要微创手术吻合器技术，提高吻合可靠性。", ["吻合器", "微创"], ["A61B 17/00"], 800_000m, Licence, "微创手术吻合器"),
        Need("可吸收心血管支架技术", "寻求可降解材料制成的血管支架及其制备工艺。", ["血管支架", "可降解"], [], 2_000_000m, Any, "可降解血管支架"),
        Need("便携式超声探头", "需要医用超声成像探头的设计，用于便携式B超设备。", ["超声", "探头"], ["A61B 8/00"], 600_000m, Licence, "医用超声探头"),
        Need("病房输液监护", "病房输液过程的智能监测与报警装置。", ["输液", "监测"], [], 300_000m, Buy, "智能输液监测装置"),
        Need("骨折内固定产品", "骨科内固定用的钢板产品技术。", ["骨科", "钢板", "内固定"], ["A61B 17/56"], 500_000m, Buy, "骨科内固定钢板"),
        Need("下肢康复机器人", "用于中风患者康复训练的机器人。", ["康复", "机器人"], [], 1_000_000m, Any, "康复训练机器人"),
        Need("渔船导航定位", "提高近海渔船导航定位精度的智能导航技术。", ["导航", "船舶"], ["G01C 21/00"], 500_000m, Licence, "船舶的智能导航装置"),
        Need("海洋环境监测浮标", "用于近海水质和气象监测的浮标系统。", ["浮标", "海洋监测"], [], 800_000m, Any, "海洋浮标监测系统"),
        Need("船舶压载水处理", "满足国际公约要求的船舶压载水处理装置。", ["压载水"], ["C02F 1/00"], 1_500_000m, Buy, "船用压载水处理装置"),
        Need("水下机器人动力系统", "需要水下机器人的推进器技术。", ["水下机器人", "推进器"], [], 700_000m, Licence, "水下机器人推进器"),
        Need("船体分段焊接", "降低船体分段焊接变形的工艺方法。", ["焊接变形", "船体"], ["B23K 31/00"], 400_000m, Licence, "船体焊接变形控制方法"),
        Need("深远海养殖装备", "抗风浪的深海养殖网箱。", ["养殖", "网箱"], [], 900_000m, Any, "深海养殖网箱"),
        Need("产品图像识别算法", "基于深度学习的产品图像识别方法。", ["深度学习", "图像识别"], ["G06V 10/00"], 500_000m, Licence, "深度学习的图像识别方法"),
        Need("高精度ADC芯片设计", "高精度模数转换电路设计。", ["模数转换"], [], 1_000_000m, Buy, "高精度模数转换电路"),
        Need("可弯折电路板", "可弯折的柔性印刷电路板制造技术。", ["柔性", "电路板"], ["H05K 1/00"], 600_000m, Licence, "柔性印刷电路板"),
        Need("电动船舶电池管理", "电动船舶锂电池组的电池管理系统。", ["锂电池", "电池管理"], [], 800_000m, Any, "锂电池管理系统"),
        Need("车载毫米波雷达", "77GHz毫米波雷达天线。", ["毫米波", "雷达", "天线"], ["H01Q 1/00"], 700_000m, Licence, "毫米波雷达天线"),
        Need("产线缺陷视觉检测", "用于工业生产线缺陷检测的机器视觉装置。", ["视觉检测", "缺陷"], [], 500_000m, Buy, "工业视觉检测装置"),
        Need("船舶轻量化铝合金", "高强度铝合金材料，用于船舶上层建筑轻量化。", ["铝合金", "高强度"], ["C22C 21/00"], 1_200_000m, Any, "高强度铝合金"),
        Need("石墨烯防腐涂料", "石墨烯防腐复合涂层。", ["石墨烯", "涂层"], [], 800_000m, Licence, "石墨烯复合涂层"),
        Need("无人机碳纤维结构件", "碳纤维增强树脂复合材料，用于无人机结构件。", ["碳纤维", "复合材料"], ["C08J 5/00"], 1_000_000m, Any, "碳纤维增强树脂基复合材料"),
        Need("海工耐蚀钢材", "海洋工程用耐海水腐蚀的不锈钢材料。", ["不锈钢", "耐腐蚀"], [], 1_500_000m, Buy, "耐海水腐蚀不锈钢"),
        Need("可降解包装材料", "可降解高分子包装材料。", ["可降解", "高分子"], ["C08L 67/00"], 600_000m, Licence, "可降解高分子材料"),
        Need("镁合金零件防护", "镁合金零件的表面处理工艺。", ["镁合金", "表面处理"], [], 400_000m, Licence, "镁合金表面处理工艺"),
        Need("Ship navigation", "We need intelligent navigation technology for ships.", ["navigation", "ship"], [], 500_000m, Licence, "船舶的智能导航装置"),
        Need("Ultrasound probe for portable scanners", "Looking for a medical ultrasound probe design.", ["ultrasound", "probe"], [], 600_000m, Licence, "医用超声探头"),
        Need("Graphene anti-corrosion coating", "A graphene composite coating against corrosion.", ["graphene", "coating"], [], 800_000m, Any, "石墨烯复合涂层"),
        Need("水下作业装备", "水下机器人及其推进装置，用于海底管线巡检。", ["水下", "推进"], ["B63H 5/00"], 900_000m, Any, "水下机器人推进器"),
        Need("医疗康复与护理设备", "康复训练机器人或智能输液监测设备。", ["康复", "输液"], [], 1_000_000m, Any, "康复训练机器人", "智能输液监测装置"),
        Need("船用耐蚀材料", "耐海水腐蚀材料：不锈钢或防腐涂层。", ["耐海水腐蚀", "涂层"], [], 1_500_000m, Any, "耐海水腐蚀不锈钢", "石墨烯复合涂层"),
        Need("雷达与视觉感知", "毫米波雷达天线及工业视觉检测。", ["毫米波雷达", "视觉检测"], [], 1_000_000m, Any, "毫米波雷达天线", "工业视觉检测装置"),
        Need("储能电池管理", "储能锂电池的管理技术。", ["锂电池"], ["H01M 10/00"], 800_000m, Licence, "锂电池管理系统"),
    ];
}
