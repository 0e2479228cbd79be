namespace Marketplace.Web.Features.Search;

/// <summary>
/// Short Chinese and English names of the IPC sections and classes, in plain words (not the scheme's full titles), for
/// showing a field a person can recognise: the related fields of a search, the field of a match.
/// </summary>
internal static class IpcNames
{
    public static readonly Dictionary<char, (string Zh, string En)> Sections = new()
    {
        ['A'] = ("人类生活必需", "Human necessities"), ['B'] = ("作业；运输", "Operations; transport"), ['C'] = ("化学；冶金", "Chemistry; metallurgy"),
        ['D'] = ("纺织；造纸", "Textiles; paper"), ['E'] = ("固定建筑物", "Fixed constructions"), ['F'] = ("机械工程；照明；加热；武器；爆破", "Mechanical engineering; lighting; heating"),
        ['G'] = ("物理", "Physics"), ['H'] = ("电学", "Electricity"),
    };

    public static readonly Dictionary<string, (string Zh, string En)> Classes = new()
    {
        ["A01"] = ("农业；林业；畜牧；渔业", "Agriculture, forestry, animals, fishing"), ["A21"] = ("焙烤", "Baking"), ["A22"] = ("屠宰；肉类加工", "Butchering, meat"),
        ["A23"] = ("食品及其处理", "Foods and their treatment"), ["A24"] = ("烟草", "Tobacco"), ["A41"] = ("服装", "Clothing"), ["A42"] = ("帽类", "Headwear"),
        ["A43"] = ("鞋类", "Footwear"), ["A44"] = ("服饰用品；珠宝", "Haberdashery, jewellery"), ["A45"] = ("手携物品；旅行用品", "Hand and travelling articles"),
        ["A46"] = ("刷类", "Brushes"), ["A47"] = ("家具；家用器具", "Furniture, domestic appliances"), ["A61"] = ("医学；兽医；卫生", "Medical and veterinary science, hygiene"),
        ["A62"] = ("救生；消防", "Life-saving, fire-fighting"), ["A63"] = ("运动；游戏；娱乐", "Sports, games, amusements"),
        ["B01"] = ("物理或化学方法及装置（分离、混合、催化）", "Physical or chemical processes (separating, mixing)"), ["B02"] = ("破碎；磨粉", "Crushing, milling"),
        ["B03"] = ("液体或风力分选", "Wet and pneumatic separation"), ["B04"] = ("离心设备", "Centrifuges"), ["B05"] = ("喷射；涂覆", "Spraying, coating"),
        ["B06"] = ("机械振动", "Mechanical vibrations"), ["B07"] = ("固体分离；分选", "Separating and sorting solids"), ["B08"] = ("清洁", "Cleaning"),
        ["B09"] = ("固体废物处理", "Solid waste disposal"), ["B21"] = ("金属的机械加工（冲压、轧制）", "Metal working without removing material"),
        ["B22"] = ("铸造；粉末冶金", "Casting, powder metallurgy"), ["B23"] = ("机床；焊接；金属加工", "Machine tools, welding, metal working"),
        ["B24"] = ("磨削；抛光", "Grinding, polishing"), ["B25"] = ("手工具；机械手", "Hand tools, manipulators"), ["B26"] = ("切割工具", "Cutting tools"),
        ["B27"] = ("木材加工", "Woodworking"), ["B28"] = ("水泥、黏土、石料加工", "Working cement, clay, stone"), ["B29"] = ("塑料加工", "Working plastics"),
        ["B30"] = ("压力机", "Presses"), ["B31"] = ("纸制品制作", "Making paper articles"), ["B32"] = ("层状产品", "Layered products"),
        ["B33"] = ("增材制造", "Additive manufacturing"), ["B41"] = ("印刷", "Printing"), ["B42"] = ("装订；文件", "Bookbinding, files"), ["B43"] = ("书写用具", "Writing implements"),
        ["B44"] = ("装饰艺术", "Decorative arts"), ["B60"] = ("一般车辆", "Vehicles in general"), ["B61"] = ("铁路", "Railways"), ["B62"] = ("无轨陆用车辆", "Land vehicles not on rails"),
        ["B63"] = ("船舶；水上运输", "Ships and other waterborne vessels"), ["B64"] = ("飞行器；航空；航天", "Aircraft, aviation, cosmonautics"),
        ["B65"] = ("输送；包装；贮存", "Conveying, packing, storing"), ["B66"] = ("起重；提升", "Hoisting, lifting"), ["B67"] = ("液体装卸", "Handling liquids"),
        ["B68"] = ("鞍具；家具装潢", "Saddlery, upholstery"), ["B81"] = ("微结构技术", "Microstructural technology"), ["B82"] = ("纳米技术", "Nanotechnology"),
        ["C01"] = ("无机化学", "Inorganic chemistry"), ["C02"] = ("水、废水处理", "Water and waste-water treatment"), ["C03"] = ("玻璃；矿棉", "Glass, mineral wool"),
        ["C04"] = ("水泥；混凝土；陶瓷", "Cements, concrete, ceramics"), ["C05"] = ("肥料", "Fertilisers"), ["C06"] = ("炸药；火柴", "Explosives, matches"),
        ["C07"] = ("有机化学", "Organic chemistry"), ["C08"] = ("有机高分子化合物", "Organic macromolecular compounds"), ["C09"] = ("染料；涂料；黏合剂", "Dyes, paints, adhesives"),
        ["C10"] = ("石油、燃气、焦炭；燃料；润滑剂", "Petroleum, gas, fuels, lubricants"), ["C11"] = ("油脂；洗涤剂", "Oils, fats, detergents"),
        ["C12"] = ("生物化学；微生物；酶；发酵", "Biochemistry, microbiology, enzymes"), ["C13"] = ("糖", "Sugar"), ["C14"] = ("皮革", "Leather"),
        ["C21"] = ("钢铁冶金", "Metallurgy of iron"), ["C22"] = ("冶金；合金", "Metallurgy, alloys"), ["C23"] = ("金属表面处理；镀覆", "Coating metals, surface treatment"),
        ["C25"] = ("电解；电镀", "Electrolytic processes"), ["C30"] = ("晶体生长", "Crystal growth"), ["C40"] = ("组合技术", "Combinatorial technology"),
        ["D01"] = ("纤维；纺纱", "Fibres, spinning"), ["D02"] = ("纱线加工", "Yarns"), ["D03"] = ("织造", "Weaving"), ["D04"] = ("编织；无纺布", "Knitting, non-wovens"),
        ["D05"] = ("缝纫；刺绣", "Sewing, embroidering"), ["D06"] = ("织物处理；洗衣", "Treating textiles, laundering"), ["D07"] = ("绳缆", "Ropes, cables"),
        ["D21"] = ("造纸", "Paper-making"), ["E01"] = ("道路、铁路、桥梁建筑", "Roads, railways, bridges"), ["E02"] = ("水利；基础；土方", "Hydraulic engineering, foundations"),
        ["E03"] = ("给水；排水", "Water supply, sewerage"), ["E04"] = ("建筑物", "Building"), ["E05"] = ("锁；钥匙；门窗配件", "Locks, keys, fittings"),
        ["E06"] = ("门；窗；梯子", "Doors, windows, ladders"), ["E21"] = ("钻井；采矿", "Drilling, mining"), ["F01"] = ("机器或发动机（一般）", "Machines or engines in general"),
        ["F02"] = ("燃烧发动机", "Combustion engines"), ["F03"] = ("液力机械；风力、弹簧、重力发动机", "Liquid, wind and spring machines"),
        ["F04"] = ("泵；压缩机；风机", "Pumps, compressors, fans"), ["F15"] = ("流体压力执行机构；液压气动", "Fluid-pressure actuators, hydraulics"),
        ["F16"] = ("机械元件；管道；隔热", "Engineering elements, pipes, insulation"), ["F17"] = ("气体或液体的储运", "Storing and distributing gases or liquids"),
        ["F21"] = ("照明", "Lighting"), ["F22"] = ("蒸汽发生", "Steam generation"), ["F23"] = ("燃烧设备", "Combustion apparatus"), ["F24"] = ("供热；炉灶；通风；空调", "Heating, ranges, ventilating"),
        ["F25"] = ("制冷；冷却", "Refrigeration, cooling"), ["F26"] = ("干燥", "Drying"), ["F27"] = ("炉；窑", "Furnaces, kilns"), ["F28"] = ("热交换", "Heat exchange"),
        ["F41"] = ("武器", "Weapons"), ["F42"] = ("弹药；爆破", "Ammunition, blasting"), ["G01"] = ("测量；测试", "Measuring, testing"), ["G02"] = ("光学", "Optics"),
        ["G03"] = ("摄影；电影；全息", "Photography, cinematography"), ["G04"] = ("测时", "Horology"), ["G05"] = ("控制；调节", "Controlling, regulating"),
        ["G06"] = ("计算；计数；数据处理", "Computing, calculating, counting"), ["G07"] = ("核算装置；售货机", "Checking devices, vending"), ["G08"] = ("信号；报警；交通控制", "Signalling, alarms, traffic control"),
        ["G09"] = ("教育；展示；密码", "Education, display, cryptography"), ["G10"] = ("乐器；声学", "Musical instruments, acoustics"), ["G11"] = ("信息存储", "Information storage"),
        ["G12"] = ("仪器零部件", "Instrument details"), ["G16"] = ("特定领域的信息通信技术", "ICT for specific fields"), ["G21"] = ("核物理；核工程", "Nuclear physics and engineering"),
        ["H01"] = ("基本电气元件（电池、半导体、天线）", "Basic electric elements (batteries, semiconductors)"), ["H02"] = ("发电、变电、配电", "Generating, converting, distributing power"),
        ["H03"] = ("电子电路", "Electronic circuitry"), ["H04"] = ("电通信技术", "Electric communication"), ["H05"] = ("其他电技术（电路板、等离子体、照明电路）", "Other electric techniques"),
        ["H10"] = ("半导体器件", "Semiconductor devices"),
    };
}
