/**
 * Other names HR uses for the format's keys (from the source handbook and common forms), so a
 * Chinese label typed as a key gets "did you mean" too: 工作协调关系 → relations.
 * The schema titles give the main labels; these are the extra ones.
 */
export const LABEL_ALIASES: Readonly<Record<string, readonly string[]>> = {
  title: ['职位名称', '岗位'],
  code: ['编号', '职位编号'],
  unit: ['工作地点', '分部'],
  headcount: ['定员', '人数', '编制'],
  reports_to: ['上级', '汇报对象'],
  established: ['定岗日期'],
  salary: ['薪资', '薪酬', '工资'],
  career_path: ['发展路径', '晋升通道', '职业发展'],
  responsibilities: ['职责'],
  duties: ['职责与工作任务', '工作职责'],
  relations: ['工作协调关系', '协作关系', '协调关系'],
  qualifications: ['任职要求', '任职条件'],
  conditions: ['工作条件', '其他'],
  kpis: ['考核指标', 'KPI', '绩效指标'],
  remarks: ['备注说明', '说明'],
  education: ['学历'],
  majors: ['专业要求'],
  experience: ['工作经验'],
  personal: ['个人素质要求', '素质'],
  tools: ['使用工具', '工具', '设备'],
  environment: ['环境'],
  schedule: ['工作时间'],
  records: ['记录文档', '所需文档'],
  internal: ['内部门协调关系', '内部'],
  external: ['外部'],
};
