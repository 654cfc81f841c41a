/** Word pools for realistic demo names, scopes and addresses. */

/** Characters that Chinese firms favour in trade names. */
export const BRAND_CHARS = Array.from(new Set('恒信达华泰鑫隆昌瑞丰源通宏远博泽凯德润安和嘉启明正永兴汇诚祥福裕宝创新亿星辰天宇海川峰岳晨阳光辉联众利聚锦程万邦立民旋东方南北吴越淮湾云帆鹏飞腾骏驰卓优品佳美尚仁义礼智'));

/** Industries with the business scope text their enterprises register. */
export const INDUSTRIES: ReadonlyArray<{ word: string; scope: string; weight: number }> = [
  { word: '科技', scope: '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；计算机系统服务', weight: 14 },
  { word: '贸易', scope: '国内贸易代理；五金产品批发；日用百货销售；针纺织品销售；货物进出口', weight: 14 },
  { word: '建筑工程', scope: '建设工程施工；住宅室内装饰装修；建筑材料销售；土石方工程施工', weight: 8 },
  { word: '机械制造', scope: '通用设备制造（不含特种设备制造）；机械零件、零部件加工；金属切削加工服务', weight: 8 },
  { word: '电子', scope: '电子元器件制造；电子产品销售；电子专用材料研发', weight: 7 },
  { word: '纺织', scope: '面料纺织加工；服装制造；针纺织品及原料销售', weight: 6 },
  { word: '物流', scope: '道路货物运输（不含危险货物）；国内货物运输代理；仓储服务（不含危险化学品）', weight: 6 },
  { word: '餐饮管理', scope: '餐饮服务；餐饮管理；食品销售', weight: 5 },
  { word: '商务咨询', scope: '企业管理咨询；商务信息咨询（不含投资类咨询）；会议及展览服务', weight: 5 },
  { word: '房地产开发', scope: '房地产开发经营；物业管理；房地产经纪', weight: 3 },
  { word: '新材料', scope: '新材料技术研发；塑料制品制造；合成材料销售', weight: 4 },
  { word: '生物医药', scope: '医学研究和试验发展；第二类医疗器械销售；药品批发', weight: 3 },
  { word: '信息技术', scope: '信息系统集成服务；数据处理和存储支持服务；信息技术咨询服务', weight: 6 },
  { word: '食品', scope: '食品生产；食品销售；农副产品销售', weight: 4 },
  { word: '环保科技', scope: '环境保护专用设备制造；污水处理及其再生利用；固体废物治理', weight: 3 },
  { word: '文化传媒', scope: '广告设计、代理；组织文化艺术交流活动；影视节目制作', weight: 4 },
];

/** Legal forms and their weight. */
export const FORMS: ReadonlyArray<readonly [{ suffix: string; type: string }, number]> = [
  [{ suffix: '有限公司', type: '有限责任公司（自然人投资或控股）' }, 82],
  [{ suffix: '股份有限公司', type: '股份有限公司（非上市、自然人投资或控股）' }, 6],
  [{ suffix: '有限公司', type: '有限责任公司（自然人独资）' }, 12],
];

/** Common surnames, roughly by frequency. */
export const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
/** Characters used in given names. */
export const GIVEN_CHARS = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强永红玉兰春梅海燕晓东文博宇浩然子涵欣怡思远梓萱俊杰雨桐');
/** Road names for addresses. */
export const ROADS = ['人民路', '干将路', '观前街', '苏州大道', '金鸡湖大道', '星湖街', '解放路', '建设路', '朝阳路', '新华路', '海连路', '通灌路', '郁洲路', '中山路', '长江路', '黄河路', '工业园路', '科技路'];

/** Business scope for each agency service (phrases the scope rules accept). */
export const AGENCY_SCOPE: Record<string, string> = {
  account_management: '商账管理服务；应收账款管理',
  legal_affairs: '法律咨询（不含律师事务所业务）',
  credit_management: '信用管理咨询；企业信用评估',
  asset_disposal: '不良资产处置咨询；资产管理（不含金融资产）',
  mediation_support: '商事调解服务',
  judicial_auction: '拍卖业务；司法辅助服务',
};

/** Words agencies put in their names. */
export const AGENCY_WORDS = ['商账管理', '法律咨询', '信用管理', '资产管理', '商务咨询', '企业管理咨询'];
/** Reasons for the operating-abnormality list (Measures for the Administration of the Abnormal Operation List, art. 3). */
export const ABNORMAL_REASONS = ['未依照规定的期限公示年度报告', '通过登记的住所或者经营场所无法联系', '公示企业信息隐瞒真实情况、弄虚作假', '未在责令的期限内公示有关企业信息'];
/** Penalty reasons. */
export const PENALTY_REASONS = ['发布虚假广告', '未按规定明码标价', '销售不合格产品', '违反消防安全管理规定', '未依法履行环境影响评价手续', '以暴力、胁迫等手段催收债务', '泄露个人信息', '超范围经营'];
/** Lawsuit causes. */
export const LAWSUIT_CAUSES = ['买卖合同纠纷', '民间借贷纠纷', '建设工程施工合同纠纷', '劳动争议', '服务合同纠纷', '租赁合同纠纷', '委托合同纠纷'];
