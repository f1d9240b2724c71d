/**
 * The phrases a reviewer of a Chinese job description flags: hiring conditions the law forbids
 * (《就业促进法》 art. 3, 26–31; 《妇女权益保障法》 art. 43; 《就业服务与就业管理规定》 art. 20) and
 * requirements too vague to measure. Each rule is a pattern that finds the phrase and, as much, the
 * phrases that look alike and are not it (男装品类, 老年客户, 民族路营业部): a rule that cries wolf
 * gets switched off. Pure.
 */

export type PhraseRule = 'gender' | 'age' | 'marital' | 'hukou' | 'ethnicity' | 'religion' | 'health' | 'appearance' | 'vague';

export const PHRASE_RULES: readonly PhraseRule[] = ['gender', 'age', 'marital', 'hukou', 'ethnicity', 'religion', 'health', 'appearance', 'vague'];

/** The discrimination rules: the law's grounds. */
export const DISCRIMINATION_RULES: readonly PhraseRule[] = ['gender', 'age', 'marital', 'hukou', 'ethnicity', 'religion', 'health', 'appearance'];

export interface PhraseMatch {
  readonly rule: PhraseRule;
  /** Offsets in the text (UTF-16), the phrase itself. */
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
}

interface Pattern {
  readonly rule: PhraseRule;
  readonly find: RegExp;
  /** Text around a match that makes it no requirement on the person (a duty, a product, a place). */
  readonly unless?: RegExp;
}

const N = '[0-9０-９一二三四五六七八九十]+';
/** The dashes of a range: 18-30, 18－30, 18~30, 18至30. */
const TO = '[-~～－‐—–至到]';
const ETHNIC = '(?:汉|藏|回|维吾尔|哈萨克|蒙古|朝鲜|壮|苗|彝|满|侗|瑶|土家|哈尼|傣|黎|畲|布依|白)';
const RELIGIOUS = '(?:佛教徒|天主教徒|基督徒|基督教徒|穆斯林|伊斯兰教徒|道教徒|信徒|信教人员|信教者)';
const REFUSE = '(?:优先|除外|勿扰|勿投|不要|免谈|不招|不予录用|不录用|谢绝)';

const PATTERNS: readonly Pattern[] = [
  // 性别
  {
    rule: 'gender',
    find: new RegExp(
      [
        `(限|仅限|只限|仅招|只招|要求|需|须|适合|招聘?)(男|女)(性|士|生|员工)?(?![装鞋款式性用户客户职工顾客消费者童厕更宿])`,
        `(?<![子儿妇])(男|女)(性|士|生)?(优先|为主|即可|者优先|${REFUSE})`,
        `(?<![男女])(男|女)性(?=[，,、；;。\\s(（]|$)(?!.*(用户|客户|顾客|消费者|旅客))`,
        `(?<=^|[，,、；;：:\\s。])(男|女)(?=[，,、；;。\\s]|$)`,
        `(?<![男女])(男|女)(性)?(?=${N}\\s*(周?岁|以下))`,
        `(男|女)性?身高`,
        `[0-9]{2}后(男|女)生`,
        `宝妈|宝爸`,
        `性别[:：]?\\s*(男|女)(?!女不限)`,
      ].join('|'),
      'u',
    ),
    unless: /(男女不限|性别不限|不限男女|男女皆可|男女平等|男装|女装|女职工|男士用品|女性用户|男性用户|女性客户|男性客户|女性消费者|女性旅客|妇女|男女更衣|女士邮箱|王女士|李女士|张女士|先生)/u,
  },
  // 年龄
  {
    rule: 'age',
    find: new RegExp(
      [
        `(年龄|年纪)[^，,；;。]{0,6}?${N}\\s*(周?岁)?\\s*(${TO}\\s*${N}\\s*周?岁?|以下|以内|以上|之间|左右|以下为佳|上下)`,
        `${N}\\s*周?岁\\s*(以下|以内|之间|左右|上下|以上)`,
        `(?<!年满)${N}\\s*${TO}\\s*${N}\\s*周?岁`,
        `不超过\\s*${N}\\s*周?岁`,
        `限\\s*[0-9]{2}\\s*后|(?<![0-9年])[0-9]{2}后(?![期续面台端])`,
        `[0-9]{4}\\s*年[^，,；;。]{0,8}(以后|之后|以前|之前)出生`,
        `年轻(?!化|干部|人才培养)`,
        `年龄[^，,；;。]{0,4}(优先|为佳|不宜过大)`,
      ].join('|'),
      'u',
    ),
    unless: /(年龄不限|不限年龄|工作年限|年限|目标用户|用户群|见习人员|婴幼儿|儿童|学员|患者|服务对象|客户群|客群|消费者|人群|老人|青少年|会员|顾客|居民|老年)/u,
  },
  // 婚育
  { rule: 'marital', find: /育有子女|有子女者|已婚已育|已婚未育|未婚未育|已育|已生育|未生育|生育二胎|已婚|未婚|单身|无生育计划|暂无生育|近期无生育|生育计划|不得生育|不能生育|孕妇|怀孕|孕期|宝妈|宝爸|婚育(状况|情况)?|婚姻状况/u, unless: /(婚庆|婚假|婚纱|生育保险|婚姻登记|婚恋|单身公寓|单身宿舍|孕婴|母婴|孕妇装|产检假|不限|联谊|探亲|哺乳期|产期)/u },
  // 户籍、地域
  {
    rule: 'hukou',
    find: /(本地|本市|本省|本区|当地|城镇|农村|非农|北京|上海|广州|深圳|天津|重庆|[\u4e00-\u9fa5]{2}(市|省))(户口|户籍)(?!档案|迁移|管理|卡)|(限|仅限|只招)(本地|本市|本省|当地)人|(本地|当地|外地|外省|东北|西北|南方|北方)人(优先|勿扰|不要|免谈|除外)?|[\u4e00-\u9fa5]{1,3}籍(员工|人员|人士)?(优先|勿扰|不要|除外|免谈)|(不招|不要|拒绝)[\u4e00-\u9fa5]{1,3}籍|户籍所在地|籍贯|(本省|本市|本地|[\u4e00-\u9fa5]{2}省内)生源|户口(优先|不限)?(?=[，,、；;。\s]|$)/u,
    unless: /(户籍档案|户口迁移|办理落户|落户手续|户籍管理|户口本复印件|户口不限|不限户籍|户籍不限|不限户口|不限籍贯|集体户口|户口卡|外籍员工|外籍人员|国籍|市场|客户|出差|话|方言|社保|资助|学生)/u,
  },
  // 民族
  {
    rule: 'ethnicity',
    find: new RegExp(`(限|仅限|只招|要求)?${ETHNIC}族(员工|人员)?${REFUSE}|(仅招收|只招收|要求|限|仅限)${ETHNIC}族|非${ETHNIC}族|(?<=^|[，,、；;：:\\s])${ETHNIC}族(?=[，,、；;。\\s]|$)|(${ETHNIC}族、)+${ETHNIC}族${REFUSE}|(限|仅限|只招)汉族|(不招|不要|拒绝|非)少数民族|少数民族${REFUSE}|民族(要求)?[:：]\\s*汉`, 'u'),
    unless: /(民族路|民族大道|民族文化|民族团结|少数民族客户|少数民族用户|少数民族语言|少数民族地区)/u,
  },
  // 宗教
  {
    rule: 'religion',
    find: new RegExp(`无任何宗教信仰|信奉[\\u4e00-\\u9fa5]{1,4}教者?(优先)?|无宗教信仰|不信教|不信仰(任何)?宗教|不得信仰|宗教信仰者?${REFUSE}|信仰[\\u4e00-\\u9fa5]{1,4}教(者)?优先|宗教信仰[:：]\\s*无|非${RELIGIOUS}|${RELIGIOUS}${REFUSE}`, 'u'),
    unless: /(宗教事务|宗教习俗)/u,
  },
  // 健康
  // A test result asked of the person hired, whatever the words around it.
  { rule: 'health', find: /(HIV|艾滋病?)[^，,；;。]{0,4}阴性/iu },
  { rule: 'health', find: /乙肝|肝炎|肝病|(病原|病毒)携带者?|非?携带者|无传染病|传染病史|无传染性疾病|HIV|艾滋|无[\u4e00-\u9fa5]{0,6}病史|两对半|大三阳|小三阳/iu, unless: /(健康证|职业病|传染病防控工作|防疫工作|传染病报告|疫苗|实验室|门诊|防治|筛查|检测|患者|随访)/u },
  // 相貌、身高
  {
    rule: 'appearance',
    find: /形象气质(佳|好|优)|形象(佳|好|端庄)(?!的)|面容(姣好|端正|清秀)|身材(高挑|好|匀称|苗条)|体型偏(瘦|胖)|身高[:：]|气质(佳|好)|五官(端正|清秀)|相貌(端正|好)|长相[\u4e00-\u9fa5]{1,2}|容貌(端正|姣好)|颜值|身材(好|匀称|苗条)|体型(匀称|好|标准)|外形(靓丽|好|佳|出众)|端庄大方|纹身|疤痕|体重|身高\s*[0-9０-９]+\s*(cm|CM|ｃｍ|厘米|公分|米)?\s*(以上|左右|以下)?/u,
    unless: /(品牌形象|公司形象|企业形象|形象设计|形象建设|形象宣传|身高体重登记|体重管理|模特|测量|体检)/u,
  },
  // 可衡量
  {
    rule: 'vague',
    find: /一定的?[\u4e00-\u9fa5A-Za-z]{0,8}(经验|能力|基础|功底)|较强的?[\u4e00-\u9fa5]{0,4}力|优秀的?[\u4e00-\u9fa5]{0,6}能力|(沟通|表达|协调|学习|执行|组织|应变)能力强|较?丰富的?[\u4e00-\u9fa5]{0,6}(经验|资源)|学历较高|较高的?[\u4e00-\u9fa5]{0,6}(素养|水平|能力)|(?<![0-9０-９一二三四五六七八九十年以上])相关[\u4e00-\u9fa5]{1,4}(经历|经验)(?!\s*[0-9０-９一二三四五六七八九十])|较强的?[\u4e00-\u9fa5]{0,6}(能力|意识|精神|责任心)|较好的?[\u4e00-\u9fa5]{0,6}(能力|功底|基础)|良好的?[\u4e00-\u9fa5]{0,6}(能力|素质|精神|意识|习惯|职业道德)|若干年|较高(的)?学历|丰富的?[\u4e00-\u9fa5]{0,4}经验|多年[\u4e00-\u9fa5]{0,6}经验|扎实的?[\u4e00-\u9fa5A-Za-z]{0,8}(基础|功底)|责任心强|熟练(使用|掌握|运用)?(办公软件|office|Office)|普通话标准|相关(行业)?(从业)?背景|(?<![0-9０-９一二三四五六七八九十年以上])相关(工作)?经验(?!\s*[0-9０-９一二三四五六七八九十])/u,
    unless: /(维护良好的|建立良好的|保持良好的|营造良好的|创造良好的)/u,
  },
];

/** The patterns as matchAll wants them (global), made once: a project's every text goes through them all. */
const GLOBAL_PATTERNS: readonly Pattern[] = PATTERNS.map((pattern) => ({ ...pattern, find: new RegExp(pattern.find.source, `${pattern.find.flags.replace('g', '')}g`) }));

/** An age floor at or under the legal working age is no limit: 年满18周岁, 16周岁以上. */
const isLegalMinimum = (rule: PhraseRule, phrase: string): boolean => rule === 'age' && /^(1[0-8]|１[０-８])\s*周?岁\s*以上$/u.test(phrase);

/**
 * A sentence that starts with a verb of work (负责…, 协助…, 组织…) says what the job does: a group
 * of people it names (老年客户, 已婚职工, 乙肝患者) are the ones it serves, not a condition on the
 * person hired. Gender keeps its explicit forms (限男性) even there.
 */
const DUTY = /^\s*([0-9０-９]{1,3}[、.．)）]\s*|[（(][0-9０-９]{1,3}[)）]\s*)?(负责|协助|组织|配合|落实|管理|审核|审批|办理|开展|策划|跟进|处理|对接|统计|维护|完成|参与|制定|执行)/u;

/** Every flagged phrase in a text, in order; a phrase is flagged once, by the first rule that finds it. */
export function findPhrases(text: string, rules: readonly PhraseRule[] = PHRASE_RULES): PhraseMatch[] {
  const wanted = new Set(rules);
  const found: PhraseMatch[] = [];
  const duty = DUTY.test(text);
  for (const pattern of GLOBAL_PATTERNS) {
    if (!wanted.has(pattern.rule)) continue;
    if (duty && pattern.rule !== 'gender' && pattern.rule !== 'vague') continue;
    for (const match of text.matchAll(pattern.find)) {
      const phrase = match[0];
      if (phrase.trim() === '') continue;
      const start = match.index;
      // The clause the phrase is in decides whether it is about the person hired or about the work.
      const clause = clauseAround(text, start, start + phrase.length);
      if (pattern.unless?.test(clause) || isLegalMinimum(pattern.rule, phrase)) continue;
      if (found.some((f) => f.rule === pattern.rule && start < f.end && f.start < start + phrase.length)) continue;
      found.push({ rule: pattern.rule, start, end: start + phrase.length, phrase });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The clause around a span: up to the nearest punctuation that ends one. */
function clauseAround(text: string, start: number, end: number): string {
  const stops = /[，,；;。！？!?\n]/u;
  let from = start;
  while (from > 0 && !stops.test(text[from - 1] ?? '')) from -= 1;
  let to = end;
  while (to < text.length && !stops.test(text[to] ?? '')) to += 1;
  return text.slice(from, to);
}
