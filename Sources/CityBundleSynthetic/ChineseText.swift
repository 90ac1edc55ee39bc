/// The vocabulary the generator composes names and remarks from.
enum ChineseText {
    /// Place syllables of Wuhan, used as the first part of building and site names.
    static let places = [
        "光谷", "汉阳", "江岸", "江汉", "硚口", "武昌", "青山", "洪山", "东西湖", "汉南", "蔡甸", "江夏", "黄陂",
        "新洲", "东湖", "沌口", "汉口", "徐东", "街道口", "王家湾", "中南", "首义", "楚河", "月湖", "晴川", "黄鹤",
        "南湖", "后湖", "关山", "鲁巷", "积玉桥", "二七", "古田", "墨水湖", "四新", "白沙洲", "杨春湖", "金银湖",
    ]

    /// Optional middle words of building names.
    static let qualifiers = [
        "国际", "创新", "金融", "科技", "滨江", "时代", "世纪", "万象", "华府", "锦绣", "阳光", "和平", "长江", "星河",
    ]

    /// The last word of a building name: what the building is.
    static let buildingTypes = [
        "大厦", "公寓", "中心", "广场", "花园", "小区", "大楼", "商城", "写字楼", "酒店", "医院", "学校", "仓库", "厂房",
    ]

    /// What a scenic site is.
    static let siteTypes = [
        "公园", "湿地公园", "风景区", "博物馆", "古寺", "纪念馆", "植物园", "江滩", "古镇", "美术馆", "文化街", "体育中心",
    ]

    /// Common surnames, most frequent first (repeats weight them).
    static let surnames = [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
        "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "熊", "万",
        "王", "李", "张", "刘", "陈",
    ]

    /// Two-character surnames, used now and then.
    static let compoundSurnames = ["欧阳", "司马", "诸葛", "上官", "皇甫"]

    /// Characters of given names.
    static let givenNameCharacters = [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀",
        "霞", "平", "刚", "桂", "英", "华", "玉", "文", "红", "建", "国", "志", "海", "晨", "宇", "欣", "浩", "婷",
        "子", "涵", "梓", "轩", "雨", "思", "佳", "俊", "博", "慧", "琳", "鹏", "飞", "斌",
    ]

    /// Shops that occupy ground floors.
    static let shops = ["便利店", "热干面馆", "药店", "书店", "茶馆", "快递站", "理发店", "超市", "面包店"]

    /// Remarks that hold nothing personal.
    static let plainRemarks = [
        "屋顶有光伏板", "待拆迁", "已完成抗震加固", "地下一层为停车场", "历史保护建筑，外立面不得改动", "电梯已加装",
        "沿江第一排", "消防通道需保持畅通", "近地铁站", "二次供水改造中",
    ]

    /// The Wuhan district names and codes of the district layer, one per grid cell.
    static let districts: [(code: String, name: String)] = [
        ("420112", "东西湖区"), ("420104", "硚口区"), ("420102", "江岸区"),
        ("420114", "蔡甸区"), ("420103", "江汉区"), ("420107", "青山区"),
        ("420105", "汉阳区"), ("420106", "武昌区"), ("420111", "洪山区"),
    ]

    /// Area codes of Wuhan's districts, the first six digits of resident ids.
    static let areaCodes = [
        "420102", "420103", "420104", "420105", "420106", "420107", "420111", "420112", "420113", "420114",
        "420115", "420116", "420117",
    ]
}
