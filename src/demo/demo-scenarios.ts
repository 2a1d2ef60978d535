import type { CategoryKey, TeamKey } from './demo-directory.js';

/**
 * The kinds of request a Chinese after-sales service desk handles every week: equipment repair
 * (报修), network and printer faults, installation, maintenance visits, enquiries, invoices,
 * returns and complaints. Text placeholders: {company} {dept} {model} {floor} {customer}
 * {engineer} {agent}, plus any list under `vars`.
 */
export type Scenario = {
  key: string;
  category: CategoryKey;
  /** The team that works the ticket. */
  team: TeamKey;
  /** Registered at the front desk first, then moved to `team` by a supervisor. */
  escalated?: boolean;
  weight: number;
  priorities: readonly (readonly [string, number])[];
  tags: readonly string[];
  /** Each added with probability 0.3. */
  extraTags?: readonly string[];
  subjects: readonly string[];
  descriptions: readonly string[];
  firstReplies: readonly string[];
  notes: readonly string[];
  /** Asking the customer for something (ticket goes to pending). */
  pendingAsks: readonly string[];
  resolutions: readonly string[];
  vars?: Readonly<Record<string, readonly string[]>>;
};

const printers = ['惠普 HP LaserJet Pro M404dn', '兄弟 Brother HL-L2350DW', '佳能 Canon iR2625', '理光 Ricoh MP 2014', '京瓷 Kyocera ECOSYS M2540dn', '联想 Lenovo LJ2405D'];
const routers = ['华为 AR1220 路由器', 'H3C ER3200G3 路由器', 'TP-LINK TL-ER3220G 路由器', '华为 S5735 交换机', 'H3C S5130 交换机'];
const upsModels = ['山特 C3K', 'APC Smart-UPS 1500', '科华 YTR1103', '山特 C10KS'];
const usual: readonly (readonly [string, number])[] = [['normal', 6], ['high', 2], ['low', 2]];

export const scenarios: readonly Scenario[] = [
  {
    key: 'printer-offline', category: 'fault.printer', team: 'tech', escalated: true, weight: 9, priorities: usual,
    tags: ['报修', '打印机'], extraTags: ['远程处理', '保修期内'],
    subjects: ['{dept}打印机无法连接网络', '打印机显示脱机，无法打印', '{model} 打印机网络打印失败', '客户反映打印机无法连接网络'],
    descriptions: [
      '客户反映{dept}的 {model} 打印机无法连接网络，电脑上显示“脱机”，重启打印机和电脑后仍然无法打印。办公室其他电脑上网正常。',
      '{customer}来电：{floor}的 {model} 从今天上午开始所有电脑都无法打印，打印任务一直在队列中排队。',
    ],
    firstReplies: ['您好，已收到您的报修。请先确认打印机面板上的网络指示灯是否亮起，并打印一张网络配置页拍照发给我们，我们会尽快远程协助处理。'],
    notes: ['远程查看：打印机 IP 与 DHCP 分配的地址冲突，建议改为静态 IP。', '已通过远程桌面连上客户电脑，打印队列中有一个损坏的任务卡住了后台服务。'],
    pendingAsks: ['麻烦您方便时把打印机的网络配置页拍照发给我们，收到后我们马上处理。'],
    resolutions: ['已为打印机设置固定 IP 地址并重新添加打印队列，测试打印正常。如仍有问题请随时联系我们。', '已清除卡住的打印任务并重启打印服务，现已恢复正常打印。'],
    vars: { model: printers },
  },
  {
    key: 'printer-jam', category: 'fault.printer', team: 'field', escalated: true, weight: 7, priorities: usual,
    tags: ['报修', '打印机', '上门'], extraTags: ['备件', '保修期外'],
    subjects: ['打印机频繁卡纸，打印件有黑色条纹', '{model} 卡纸并提示定影器错误', '{dept}复印机卡纸，急需处理'],
    descriptions: ['{company}{dept}的 {model} 最近一周频繁卡纸，打印出来的文件有明显黑色竖条纹，已经清理过纸路，问题依旧。', '{model} 面板提示“定影器错误 50.2”，关机重启后可以打印几张，然后又卡纸。'],
    firstReplies: ['您好，初步判断可能是定影组件或搓纸轮老化，我们将安排工程师上门检测，请保持联系电话畅通。'],
    notes: ['已派工，工程师携带定影组件和搓纸轮备件上门。', '设备已过保修期，上门前已向客户说明备件费用，客户同意。'],
    pendingAsks: ['备件需要从厂家调货，预计 2 个工作日到货，到货后我们会第一时间联系您预约上门时间。'],
    resolutions: ['工程师已上门更换定影组件和搓纸轮，连续测试打印 50 张无卡纸、无条纹，设备恢复正常。', '已现场清洁激光器窗口并更换搓纸轮，打印质量恢复正常。'],
    vars: { model: printers },
  },
  {
    key: 'network-drop', category: 'fault.network', team: 'tech', escalated: true, weight: 8, priorities: [['high', 4], ['normal', 4], ['urgent', 1]],
    tags: ['报修', '网络'], extraTags: ['远程处理', 'vip'],
    subjects: ['办公室网络频繁掉线', '{floor}无线 WiFi 信号弱，会议室连不上', 'VPN 无法连接公司内网', '网络时断时续，视频会议经常卡顿'],
    descriptions: ['{customer}反映{company}{floor}的网络每隔半小时左右断一次，持续一两分钟后自动恢复，影响正常办公。网络设备为 {model}。', '客户来电：会议室的无线网络信号很弱，笔记本电脑经常搜索不到 WiFi，手机连上也很慢。'],
    firstReplies: ['您好，我们已收到您的问题，技术工程师将远程登录网络设备查看日志，请稍候。'],
    notes: ['查看 {model} 日志：上联口 CRC 错误计数持续增长，怀疑网线或水晶头老化。', '无线 AP 信道与隔壁公司重叠严重，建议调整信道并增加一台 AP。'],
    pendingAsks: ['请您协助在掉线时用电脑执行 ping 网关的命令并截图发给我们，方便我们定位问题。'],
    resolutions: ['已调整无线信道并优化 AP 功率，现场测试信号和速率正常。', '已更换上联网线并重新配置端口，观察 24 小时未再出现掉线。'],
    vars: { model: routers },
  },
  {
    key: 'network-outage', category: 'fault.network', team: 'field', weight: 3, priorities: [['urgent', 7], ['high', 3]],
    tags: ['报修', '网络', '上门', '紧急'],
    subjects: ['交换机指示灯异常，整层楼断网', '机房核心交换机故障，全公司无法上网'],
    descriptions: ['{company}{floor}所有电脑突然无法上网，机房 {model} 指示灯全部闪烁橙灯，已尝试断电重启无效，影响整层约 60 人办公。'],
    firstReplies: ['您好，已按紧急工单处理，现场工程师正在赶往贵公司，预计一小时内到达。'],
    notes: ['工程师已出发，携带备用交换机。', '现场确认交换机电源模块损坏，已启用备机临时恢复业务。'],
    pendingAsks: ['临时备机已恢复网络，原交换机已寄回厂家检测，检测结果出来后我们会再联系您。'],
    resolutions: ['已更换交换机电源模块并恢复原有配置，全楼网络恢复正常，备机已收回。'],
    vars: { model: routers },
  },
  {
    key: 'ups-alarm', category: 'fault.power', team: 'field', escalated: true, weight: 4, priorities: [['high', 5], ['urgent', 2], ['normal', 3]],
    tags: ['报修', '电源', '上门'], extraTags: ['备件', '保修期内'],
    subjects: ['UPS 不间断电源报警，蜂鸣器一直响', '机房 UPS 电池故障灯亮', '{model} UPS 切换到电池模式后无法恢复'],
    descriptions: ['{company}机房的 {model} UPS 从昨晚开始持续报警，面板显示电池故障，担心停电时服务器会断电。', '{customer}反映 {model} 市电正常但一直在电池模式运行，剩余电量显示不足 30%。'],
    firstReplies: ['您好，请先不要关闭 UPS 主机，我们将安排工程师携带检测设备上门排查电池组。'],
    notes: ['电池组已使用四年以上，内阻检测超标，需要整组更换。', '已与客户确认更换电池的报价和停机窗口。'],
    pendingAsks: ['更换电池需要短暂停机约 30 分钟，请您确认一个方便的停机时间。'],
    resolutions: ['已更换整组电池并完成放电测试，UPS 恢复在线模式，告警已消除。'],
    vars: { model: upsModels },
  },
  {
    key: 'pc-bluescreen', category: 'fault.pc', team: 'tech', escalated: true, weight: 5, priorities: usual,
    tags: ['报修', '电脑'], extraTags: ['远程处理'],
    subjects: ['电脑开机蓝屏，提示 CRITICAL_PROCESS_DIED', '{dept}电脑开机很慢，经常死机', '电脑无法进入系统，一直自动修复'],
    descriptions: ['{customer}的办公电脑今天开机后出现蓝屏，错误代码 CRITICAL_PROCESS_DIED，重启多次无法进入桌面，电脑里有重要的财务资料。'],
    firstReplies: ['您好，请不要反复强制关机，以免数据损坏。我们会先尝试远程协助进入安全模式，请保持电脑通电。'],
    notes: ['安全模式可进入，系统更新后驱动不兼容导致蓝屏，已回滚更新。', '硬盘 SMART 信息显示有坏道，建议尽快备份并更换硬盘。'],
    pendingAsks: ['请您确认是否需要我们先帮您备份桌面和 D 盘的资料，再进行系统修复。'],
    resolutions: ['已回滚有问题的系统更新并更新显卡驱动，电脑已正常启动，资料完好。', '已为客户备份数据并更换固态硬盘，系统重装完毕，常用软件已安装。'],
  },
  {
    key: 'printer-install', category: 'install', team: 'field', weight: 5, priorities: [['normal', 7], ['low', 3]],
    tags: ['安装', '上门', '打印机'],
    subjects: ['新购 {model} 需要上门安装调试', '新办公室搬迁，打印机和网络需要重新安装'],
    descriptions: ['{company}新采购了两台 {model}，需要上门安装并为{dept}约 20 台电脑配置网络打印。', '{customer}：公司下月初搬到新办公楼{floor}，需要安排工程师重新布置打印机和网络。'],
    firstReplies: ['您好，已为您登记安装需求，请告知方便上门的时间段以及现场联系人。'],
    notes: ['与客户约定下周二上午上门安装。', '现场需要客户提供两个网络端口和电源插座，已提前告知。'],
    pendingAsks: ['请您提供现场联系人姓名和电话，以及需要安装驱动的电脑数量。'],
    resolutions: ['已完成安装调试，所有电脑均已添加网络打印机并测试通过，已向客户讲解日常使用和耗材更换方法。'],
    vars: { model: printers },
  },
  {
    key: 'access-install', category: 'install', team: 'field', weight: 3, priorities: [['normal', 7], ['high', 3]],
    tags: ['安装', '上门', '门禁'],
    subjects: ['门禁考勤机安装及与系统对接', '会议室投影仪及视频会议系统安装'],
    descriptions: ['{company}需要在{floor}安装 3 台人脸识别门禁考勤机，并与现有的人事考勤系统对接。', '新装修的会议室需要安装投影仪和视频会议终端，要求能与总部召开视频会议。'],
    firstReplies: ['您好，已收到您的安装需求，我们的工程师会先上门勘察现场布线情况，再确定安装方案。'],
    notes: ['现场勘察完成：需要增加两条网线，预计一天完成安装。', '考勤机对接需要客户 IT 提供考勤系统的接口账号。'],
    pendingAsks: ['请贵公司 IT 部门提供考勤系统的接口账号和对接文档，收到后我们安排实施。'],
    resolutions: ['设备已安装调试完毕，考勤数据已成功同步到人事系统，已对前台人员完成操作培训。'],
  },
  {
    key: 'maintenance-visit', category: 'maintenance', team: 'field', weight: 4, priorities: [['low', 6], ['normal', 4]],
    tags: ['保养', '上门'], extraTags: ['vip'],
    subjects: ['季度设备巡检保养预约', '年度维保合同：机房设备例行巡检', '空调及 UPS 定期保养'],
    descriptions: ['按照维保合同，{company}本季度的设备巡检保养需要预约上门时间，涉及打印机 12 台、网络设备 6 台、UPS 2 台。'],
    firstReplies: ['您好，季度巡检已为您登记，工程师会与您电话确认具体上门时间。'],
    notes: ['已预约本周四下午上门巡检。', '巡检发现两台打印机硒鼓即将耗尽，已提醒客户备货。'],
    pendingAsks: ['请您确认巡检当天是否可以短暂关闭机房设备进行除尘。'],
    resolutions: ['本季度巡检已完成，设备运行正常，巡检报告已通过邮件发送给您，请查收。'],
  },
  {
    key: 'warranty-enquiry', category: 'enquiry.product', team: 'frontline', weight: 6, priorities: [['normal', 5], ['low', 4], ['lowest', 1]],
    tags: ['咨询'], extraTags: ['保修期内', '续保'],
    subjects: ['咨询设备保修期及延保服务价格', '询问维保合同续签事宜', '咨询打印机耗材的采购渠道'],
    descriptions: ['{customer}来电咨询：{company}去年采购的设备保修期什么时候到期？延保一年的费用是多少？', '客户想了解维保合同到期后的续签方案和价格，以及是否包含上门服务次数。'],
    firstReplies: ['您好，经查询贵公司设备的保修期至明年三月，延保方案和报价单已发送到您的邮箱，请查收。'],
    notes: ['客户是老客户，可按九折报价。'],
    pendingAsks: ['请您提供设备机身背面的序列号，我们帮您查询准确的保修期限。'],
    resolutions: ['已为客户发送延保报价，客户表示会走内部采购流程，咨询已解答。'],
  },
  {
    key: 'invoice', category: 'enquiry.billing', team: 'frontline', weight: 5, priorities: [['normal', 6], ['low', 4]],
    tags: ['发票'],
    subjects: ['申请开具增值税专用发票', '发票抬头开错，申请重开', '咨询上月维修费用明细'],
    descriptions: ['{customer}：上月的维修服务费需要开具增值税专用发票，开票信息已通过邮件发送。', '客户反映收到的发票抬头少了“有限公司”几个字，无法报销，申请作废重开。'],
    firstReplies: ['您好，已收到您的开票申请，财务会在 3 个工作日内开具并邮寄，快递单号会另行通知。'],
    notes: ['已转财务处理，财务同事确认今天开票。'],
    pendingAsks: ['请您提供完整的开票信息：单位名称、税号、地址电话、开户行及账号。'],
    resolutions: ['发票已开具并通过顺丰寄出，请注意查收。'],
  },
  {
    key: 'usage-howto', category: 'enquiry.product', team: 'tech', escalated: true, weight: 3, priorities: [['low', 6], ['normal', 4]],
    tags: ['咨询', '远程处理'],
    subjects: ['如何设置打印机扫描到邮箱', '如何在系统中导出月度维修报表', '新员工电脑如何连接公司共享盘'],
    descriptions: ['客户咨询 {model} 的扫描到邮箱功能如何设置，希望扫描件能直接发送到各自的企业邮箱。'],
    firstReplies: ['您好，操作步骤已整理成文档发到您的邮箱，如需要我们也可以远程协助设置。'],
    notes: ['客户希望远程协助，已约好下午三点。'],
    pendingAsks: ['请您安装远程协助软件并把识别码发给我们。'],
    resolutions: ['已远程完成设置并测试成功，操作文档已发给客户留存。'],
    vars: { model: printers },
  },
  {
    key: 'complaint-attitude', category: 'complaint.attitude', team: 'complaints', weight: 3, priorities: [['high', 6], ['normal', 4]],
    tags: ['投诉'], extraTags: ['回访'],
    subjects: ['投诉上门工程师态度恶劣', '客服电话多次无人接听', '投诉客服人员推诿责任'],
    descriptions: ['{customer}投诉：昨天上门维修的工程师态度很不耐烦，没有解释故障原因就要求加钱更换配件，还在办公室里大声打电话。', '客户反映连续两天拨打客服热线都无人接听，留言后也没有人回电。'],
    firstReplies: ['您好，非常抱歉给您带来不好的体验，我们已受理您的投诉，将在 24 小时内调查核实并给您答复。'],
    notes: ['已调取当天的派工记录并与工程师本人面谈核实情况。', '核实属实，已对相关人员进行批评教育并纳入绩效考核。'],
    pendingAsks: ['我们拟为您减免本次上门费用并赠送一次免费巡检，请问您是否接受这一处理方案？'],
    resolutions: ['已向客户当面致歉并减免本次上门费，客户表示接受处理结果。'],
  },
  {
    key: 'complaint-timeliness', category: 'complaint.timeliness', team: 'complaints', weight: 4, priorities: [['urgent', 4], ['high', 6]],
    tags: ['投诉', '催单'], extraTags: ['重复报修', 'vip'],
    subjects: ['报修三天无人上门处理，严重影响生产', '维修进度太慢，要求给个明确时间', '多次催单无人跟进'],
    descriptions: ['{customer}投诉：{company}三天前报修的设备至今没有工程师上门，生产线一直停着，每天损失很大，要求今天必须解决。', '客户反映同一个问题已经报修了三次，每次都说会安排，但一直没有结果。'],
    firstReplies: ['您好，非常抱歉耽误了您的生产，我们已将此事升级为紧急处理，主管会在一小时内与您联系并安排工程师上门。'],
    notes: ['原工单因备件缺货被搁置，未及时告知客户，是沟通环节的问题。', '已协调其他片区工程师今天下午上门。'],
    pendingAsks: ['工程师已完成维修，请您在使用一天后告诉我们设备运行是否稳定。'],
    resolutions: ['设备已修复，我们已向客户致歉并延长该设备保修期三个月作为补偿，客户表示满意。'],
  },
  {
    key: 'complaint-quality', category: 'complaint.quality', team: 'complaints', weight: 2, priorities: [['high', 6], ['normal', 4]],
    tags: ['投诉', '质量问题'], extraTags: ['换货'],
    subjects: ['新买的设备一周内坏了两次', '更换的配件用了三天又坏了'],
    descriptions: ['{customer}投诉：上周刚采购的 {model} 一周内已经坏了两次，怀疑是翻新机，要求退货或换新。'],
    firstReplies: ['您好，我们非常重视您反映的质量问题，已安排技术人员检测设备，并会如实向您反馈检测结果。'],
    notes: ['检测结果：主板电源芯片批次问题，非人为损坏，符合换新条件。'],
    pendingAsks: ['新机已在调货中，请您确认收货地址和收货人。'],
    resolutions: ['已为客户免费换新，并赠送一年延保，客户认可处理结果。'],
    vars: { model: printers },
  },
  {
    key: 'return-damaged', category: 'returns', team: 'frontline', weight: 4, priorities: [['normal', 7], ['low', 3]],
    tags: ['退换货'], extraTags: ['物流'],
    subjects: ['收到的硒鼓包装破损，申请换货', '路由器型号发错，申请退货', '多发了一箱耗材，如何退回'],
    descriptions: ['{customer}：今天收到的硒鼓外包装破损，硒鼓表面有碳粉泄漏，无法使用，申请换货。', '客户订购的是 {model}，实际收到的型号不对，申请退货并重新发货。'],
    firstReplies: ['您好，非常抱歉，请您拍摄包装和商品照片发给我们，我们核实后会安排快递上门取件并重新发货。'],
    notes: ['照片已收到，确认为运输破损，已向物流公司发起理赔。'],
    pendingAsks: ['请您拍摄外包装和商品的照片发给我们，方便我们核实处理。'],
    resolutions: ['新货已发出，快递员上门取回破损商品，换货完成。'],
    vars: { model: routers },
  },
];
