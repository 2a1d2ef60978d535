import { prng, type Prng } from './prng.js';

/**
 * Realistic Chinese support texts from a seeded generator: complaints and requests about food
 * delivery, online shops, appliance repair, printers, broadband and property management, with
 * brand names and Latin words written against Chinese (用app点的, KFC的套餐, HP-2000打印机),
 * numbers with units (等了40分钟, 退了200元, 打了3次), and near-misses that a search must not
 * confuse (二十分钟 next to 40分钟, 三个小时…一个办公室 next to 一个小时). Used by the search
 * exactness benchmark and test (bench/search-exactness) and by `opencsm bench-data`.
 */
export type ComplaintText = { subject: string; description: string; messages: string[] };

const waits = ['40分钟', '二十分钟', '一个小时', '三个小时', '半个小时', '45分钟', '两个小时', '90分钟', '10分钟', '一个多小时'];
const money = ['200元', '20元', '500元', '35元', '1200元', '88元', '300块', '两百元', '6元'];
const times = ['3次', '5次', '两次', '三次', '10次', '第3次', '好几次'];
const days = ['2天', '3天', '一周', '半个月', '7天', '两天', '15天'];
const people = ['客服', '快递员', '师傅', '骑手', '店家', '物业', '工程师', '售后', '前台'];

type Domain = { subjects: string[]; sentences: string[] };

const domains: Domain[] = [
  {
    subjects: ['外卖超时', '外卖送错了', '餐品少送', '骑手态度差', '订单被取消', 'KFC订单问题', '外卖洒了'],
    sentences: [
      '用app点的外卖，等了{wait}还没送到。',
      '在KFC点的全家桶少了一个鸡腿，{person}说不归他管。',
      '点的pizza送到时已经凉了，申请退款{money}。',
      '骑手打了{times}电话都没人接，最后放在楼下了。',
      '昨天晚上用美团app下单，显示已送达但我根本没收到。',
      '这家店的麦当劳套餐和图片不一样，饮料也洒了。',
      '我在app里催单{times}，客服只会说请耐心等待。',
      '送餐超时{wait}，平台只补偿了{money}的红包。',
      '备注了不要辣，结果送来的是特辣，孩子没法吃。',
    ],
  },
  {
    subjects: ['申请退款', '商品破损', '发票开错', '物流太慢', 'iPad无法开机', '退货不处理', '买到假货'],
    sentences: [
      '网上买的iPad收到后无法开机，屏幕一直黑屏。',
      '申请退款已经{days}了，钱还没退回来，一共{money}。',
      '快递包装破损，里面的iPhone充电器也坏了。',
      '发票抬头开错了，麻烦重新开一张增值税专用发票。',
      '物流{days}都没有更新，{person}说在中转站。',
      '退货寄回去{days}了，商家一直不处理，打了{times}电话。',
      '收到的耳机是假货，和官网的序列号对不上。',
      '在淘宝下的单，客服让我找品牌方，品牌方又让我找淘宝。',
      '优惠券没有生效，多付了{money}，要求补差价。',
    ],
  },
  {
    subjects: ['空调不制冷', '洗衣机漏水', '冰箱异响', '热水器报修', '上门维修预约', '保修期内维修收费', '电视黑屏'],
    sentences: [
      '空调不制冷，{person}上门看了一个办公室的机器，说要换压缩机。',
      '洗衣机漏水，地板都泡了，约了{times}都没人来修。',
      '热水器显示E4故障代码，麻烦安排上门维修。',
      '冰箱晚上一直有异响，吵得睡不着，才买了{days}。',
      '保修期内维修还收了{money}上门费，不合理。',
      '{person}说配件要等{days}才到，能不能先给个备用机。',
      '电视开机后黑屏，有声音没图像，型号是TCL-55C。',
      '预约的上午九点上门，等了{wait}没人，电话也打不通。',
      '师傅修完第二天又坏了，这是第3次报修了。',
    ],
  },
  {
    subjects: ['打印机卡纸', '打印机无法连接', 'HP-2000打印机报错', '复印机维修', '墨盒不识别', '打印机驱动安装'],
    sentences: [
      '客户反映打印机无法连接网络，办公室的电脑都打印不了。',
      'HP-2000打印机一直卡纸，已经清理了{times}还是不行。',
      '换了新的墨盒，打印机提示墨盒不识别。',
      '打印出来的文件有黑色条纹，麻烦派工程师看一下。',
      'WiFi打印设置不上，驱动也重新安装过了。',
      '复印机扫描到邮箱的功能不能用了，提示SMTP错误。',
      '打印机显示错误代码E-42，重启后还是一样。',
      '我们公司三台Epson打印机都出现了同样的问题。',
      '工程师说{days}内来换定影器，到现在没消息。',
    ],
  },
  {
    subjects: ['宽带断网', '网速太慢', '光猫故障', '宽带续费问题', '5G信号差', '路由器无法上网'],
    sentences: [
      '宽带从昨天开始断网，光猫的LOS灯一直红色闪烁。',
      '办的500M宽带实际网速只有20M，晚上更慢。',
      '续费时多扣了{money}，营业厅说要等{days}才能退。',
      '家里5G信号很差，打电话经常断线。',
      '路由器重启了{times}还是无法上网，WiFi能连上但没有网络。',
      '装维{person}约好下午来，等了{wait}也没来。',
      '手机app上报修后显示已处理，其实问题根本没解决。',
      '每天晚上八点到十点网络卡顿，玩游戏延迟很高。',
      '申请拆机销户已经{days}了，还在继续扣费。',
    ],
  },
  {
    subjects: ['电梯故障', '楼上漏水', '停车位被占', '物业费疑问', '小区噪音投诉', '门禁卡失效', '垃圾没人清理'],
    sentences: [
      '3号楼的电梯又坏了，老人上下楼很不方便，这个月已经第3次了。',
      '楼上卫生间漏水，我家天花板都发霉了，找物业{times}没人管。',
      '我的固定停车位经常被外来车辆占用，保安也不处理。',
      '物业费比去年涨了{money}，没有任何通知和说明。',
      '楼下的商铺每天晚上十一点后还很吵，严重影响休息。',
      '门禁卡突然失效了，去物业中心等了{wait}才办好。',
      '小区垃圾{days}没人清理，味道很大，夏天还有苍蝇。',
      '物业前台说维修要排队，一个小时后再打电话问。',
      '地下车库的灯坏了很久，晚上停车很危险。',
    ],
  },
];

const closings = ['请尽快处理。', '希望给个说法。', '谢谢！', '麻烦回个电话。', '已经投诉过一次了。', '', '在线等，很急。', '不然我就去12315投诉了。'];
const replies = [
  '您好，非常抱歉给您带来不便，我们已经记录您的问题，会在{days}内处理。',
  '您好，已为您安排{person}跟进，预计{wait}内联系您。',
  '已经为您申请补偿{money}，请留意app通知。',
  '请提供一下订单号和照片，方便我们核实。',
  '我们已经联系了{person}，他会尽快上门。',
  '这个问题已经升级到二线，稍后给您答复。',
];

function fill(template: string, random: Prng): string {
  return template
    .replace(/\{wait\}/g, () => random.pick(waits))
    .replace(/\{money\}/g, () => random.pick(money))
    .replace(/\{times\}/g, () => random.pick(times))
    .replace(/\{days\}/g, () => random.pick(days))
    .replace(/\{person\}/g, () => random.pick(people));
}

/** One text from a seeded generator: same `random` state, same text. */
export function complaintText(random: Prng): ComplaintText {
  const domain = random.pick(domains);
  const sentences = random.shuffle(domain.sentences).slice(0, random.int(1, 3));
  const description = sentences.map((s) => fill(s, random)).join('') + random.pick(closings);
  const messages: string[] = [];
  const count = random.int(0, 3);
  for (let i = 0; i < count; i++) {
    messages.push(fill(random.chance(0.5) ? random.pick(replies) : random.pick(random.pick(domains).sentences), random));
  }
  return { subject: random.pick(domain.subjects), description, messages };
}

/** `count` texts from the seed: the same on every run and machine. */
export function complaintTexts(count: number, seed = 'complaints'): ComplaintText[] {
  const random = prng(seed);
  return Array.from({ length: count }, () => complaintText(random));
}
