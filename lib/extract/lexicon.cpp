// The extractor's cue lexicons. Entries are simplified Chinese after NFKC
// (full-width punctuation is ASCII by then). Keep each table to one decision;
// order inside a table does not matter (the matcher prefers the longest).
#include "extract/lexicon.h"

#include <algorithm>

#include "extract/utf8.h"

namespace policydb::extract_detail {

PhraseSet::PhraseSet(std::initializer_list<std::string_view> phrases) {
  for (std::string_view p : phrases) {
    if (p.empty()) continue;
    by_first_[first_code_point(p)].push_back(p);
    by_last_[last_code_point(p)].push_back(p);
    first_filter_.set(filter_slot(first_code_point(p)));
    last_filter_.set(filter_slot(last_code_point(p)));
  }
  auto longest_first = [](std::string_view a, std::string_view b) { return a.size() > b.size(); };
  for (auto& [c, v] : by_first_) std::sort(v.begin(), v.end(), longest_first);
  for (auto& [c, v] : by_last_) std::sort(v.begin(), v.end(), longest_first);
}

std::size_t PhraseSet::match_at(std::string_view text, std::size_t pos) const {
  if (pos >= text.size()) return 0;
  std::size_t len = 0;
  const char32_t c = decode_at(text, pos, &len);
  if (!first_filter_.test(filter_slot(c))) return 0;
  auto it = by_first_.find(c);
  if (it == by_first_.end()) return 0;
  std::string_view rest = text.substr(pos);
  for (std::string_view p : it->second) {
    if (rest.starts_with(p)) return p.size();
  }
  return 0;
}

std::size_t PhraseSet::match_before(std::string_view text, std::size_t end) const {
  if (end == 0 || end > text.size()) return 0;
  std::size_t len = 0;
  const char32_t c = decode_before(text, end, &len);
  if (!last_filter_.test(filter_slot(c))) return 0;
  auto it = by_last_.find(c);
  if (it == by_last_.end()) return 0;
  std::string_view head = text.substr(0, end);
  for (std::string_view p : it->second) {
    if (head.ends_with(p)) return p.size();
  }
  return 0;
}

std::size_t PhraseSet::find(std::string_view text, std::size_t from, std::size_t* len) const {
  for (std::size_t pos = from; pos < text.size(); pos += char_length(text, pos)) {
    if (std::size_t n = match_at(text, pos)) {
      if (len) *len = n;
      return pos;
    }
  }
  return std::string_view::npos;
}

bool PhraseSet::is(std::string_view text) const { return !text.empty() && match_at(text, 0) == text.size(); }

// Each lexicon is built on first use (thread-safe static initialization).
#define POLICYDB_LEXICON(name, ...)           \
  const PhraseSet& name() {                   \
    static const PhraseSet kSet{__VA_ARGS__}; \
    return kSet;                              \
  }

// Intent and deadline words that make the figure after them a goal.
POLICYDB_LEXICON(strong_target_cues, "力争", "力爭", "目标", "预期", "计划", "争取", "确保",
                 "届时", "冲刺", "努力", "预计", "有望", "目标是", "预期目标", "奋斗目标", "到期末")
// Future markers too common to stand alone: a target only together with an
// attainment verb or a deadline.
POLICYDB_LEXICON(weak_target_cues, "将", "要", "需", "须", "拟")
// Before an intent word these say it was already achieved (成功争取).
POLICYDB_LEXICON(achieved_markers, "成功", "已", "已经", "顺利", "先后")
// Words that contain a weak cue but carry no intent.
POLICYDB_LEXICON(target_cue_blockers, "主要", "重要", "需要", "必要", "要素", "要求", "纲要", "概要",
                 "摘要", "首要", "要点", "将其", "将军", "需求", "必须", "将近", "即将到来")
// Before 目标 these make it the yardstick of a comparison, not a goal.
POLICYDB_LEXICON(goal_comparisons, "高于", "低于", "超过", "超出", "超额完成", "完成", "实现", "达成",
                 "好于", "快于", "慢于", "未完成", "比")
// Verbs that bring a quantity to a value: with a weak cue they state a goal.
POLICYDB_LEXICON(attainment_verbs, "达到", "达", "突破", "超过", "实现", "建成", "培育", "打造",
                 "创建", "新增", "提高到", "提升到", "提高至", "提升至", "增长", "提升", "提高",
                 "控制在", "保持在", "稳定在", "不低于", "力争", "建设", "新建", "开通", "部署",
                 "引育", "招引", "形成", "壮大到", "超")
// Words that say the clause reports the state of things.
POLICYDB_LEXICON(actual_cues, "截至", "截止", "已", "已经", "目前", "累计完成", "完成了", "建成了",
                 "实现了", "达到了", "同比", "比上年", "较上年", "比去年", "较去年", "上半年以来",
                 "今年以来", "去年", "上年", "共计", "合计")
POLICYDB_LEXICON(estimate_cues, "预计", "初步预计", "初步测算", "预估", "初步核算")
// Directly before a percentage these make it a growth rate.
POLICYDB_LEXICON(growth_cues, "增长", "增速", "增幅", "增长率", "上涨", "上升", "同比", "增加",
                 "同比增长", "名义增长", "实际增长", "年均增长", "平均增长", "分别增长", "增速为",
                 "增速达", "增速达到", "增长率为", "增长率达到", "同比名义增长", "同比实际增长",
                 "年均增速", "增", "提速", "扩大", "上扬", "涨幅", "上涨", "涨")
POLICYDB_LEXICON(decline_cues, "下降", "减少", "降低", "回落", "下滑", "下跌", "收窄", "负增长", "降")
// Before a non-percentage amount (or pp) these make it a difference.
POLICYDB_LEXICON(change_verbs, "提升", "提高", "增加", "增长", "减少", "下降", "降低", "扩大",
                 "缩小", "多", "净增", "新增")
// At a label's front these mark the increment of a stock (INDICATORS.md rule 2).
POLICYDB_LEXICON(increment_markers, "新增", "新培育", "新认定", "新创建", "新建", "新开通", "新入选",
                 "新获批", "新引进", "新落地", "净增", "新签约", "新开工", "新投产", "新登记",
                 "新设立", "新注册", "新评定", "新获评", "新创")
POLICYDB_LEXICON(rank_cues, "居", "位居", "位列", "排名", "排", "列", "排在", "名列", "进入",
                 "跻身", "稳居", "保持", "居于")
// A figure after these is the province's, compared with the nation (versus national).
POLICYDB_LEXICON(national_comparisons, "高于全国", "低于全国", "比全国", "较全国", "快于全国",
                 "慢于全国", "超过全国", "高出全国", "领先全国", "优于全国", "全国平均水平",
                 "高于全国平均", "低于全国平均")
// Before 全国 these make it the universe of a rank or a comparison.
POLICYDB_LEXICON(not_national_before, "居", "位居", "位列", "排", "高于", "低于", "比", "较", "于",
                 "获评", "入选", "进入", "跻身", "占", "列", "稳居", "快于", "慢于", "领先", "超过",
                 "高出", "打造", "建设", "成为", "建成", "创建", "第", "争创")
// Taken off a label's front, repeatedly: scope, connectives, reporting frames.
POLICYDB_LEXICON(label_lead_strip, "全省", "我省", "本省", "全市", "我市", "本市", "全区", "我区",
                 "全县", "全域", "全国", "全年", "年末", "当年", "今年", "目前", "当前", "现有",
                 "其中", "同时", "此外", "另外", "并且", "还", "也", "共有", "已", "已经", "将",
                 "力争", "争取", "确保", "届时", "预计", "初步预计", "近年来", "一年来",
                 "今年以来", "截至目前", "截至", "截止", "到", "至", "对于", "通过", "和", "及",
                 "与", "以及", "或", "了", "的", "是", "为", "达到", "实现", "汇聚", "拥有",
                 "完成", "建成", "打造", "培育建设", "建设", "获评", "总计", "合计", "共计",
                 "累计达到", "分别", "正式", "相当于", "约等于", "安装", "部署建设", "投产", "投运", "上线", "积极", "加快", "大力", "全力", "持续", "不断",
                 "进一步", "以上", "左右", "等", "“", "”", "\"", "「", "」", "《", "》", "(", ")",
                 " ", "-", "+", "/", "|", "—", "·")
// Taken off a label's back, repeatedly: the verb that carries the number,
// bound words, comparisons whose figure is the number itself.
POLICYDB_LEXICON(label_tail_strip, "达到", "达", "为", "是", "约为", "约", "近", "超", "超过",
                 "突破", "逾", "超出", "实现", "完成", "分别达到", "分别为", "分别", "共计",
                 "合计", "总计", "共", "已", "已经", "再", "将", "力争", "保持",
                 "增长", "同比增长", "同比名义增长", "同比实际增长", "名义增长", "实际增长",
                 "同比", "名义", "增速为", "增速达到", "增速达", "增长率为", "分别增长", "年均增长",
                 "下降", "减少", "降低", "提升", "提高", "增加", "较上年", "比上年", "较上一年",
                 "比上一年", "较去年", "比去年", "同期", "居全国", "位居全国", "居国内", "居",
                 "位居", "位列", "排名全国", "排", "居全省", "全国", "第", "在", "于", "了", "的",
                 "以上", "以下", "左右", "高于全国", "低于全国", "比全国", "较全国", "到", "至",
                 "提高到", "提升到", "提升至", "提高至", "控制在", "不低于", "不超过", "大于",
                 "小于", "高于", "低于", "多于", "少于", "至少", "最高", "最多", "可给予", "给予",
                 "稳定在", "稳定", "稳居全国", "稳居", "保持在", "维持在",
                 "可", "共有", "相当于", "约等于", "等于", "总", ",", " ", "“", "\"", "(")
// In a label that follows its number (5个二级节点项目), these end it.
POLICYDB_LEXICON(after_label_stops, "已", "已经", "正在", "将", "率先", "获批", "实现", "进入",
                 "落地", "全覆盖", "覆盖", "分别", "以上", "左右", "共", "和", "及", "与", "或",
                 "等", "的支持", "目标任务", "目标", "建设", "“", "\"", "(", " ")
// Generic tails a label may carry beyond its indicator (二级节点项目).
POLICYDB_LEXICON(generic_tails, "项目", "建设", "工作", "情况", "方面", "产品")
POLICYDB_LEXICON(own_province, "我省", "本省", "我区", "本区", "我市", "本市")
POLICYDB_LEXICON(province_scope, "全省", "我省", "本省", "省内", "全省域", "全省范围")
POLICYDB_LEXICON(topic_frames, "方面", "领域", "行业", "板块")
// A count of these is the make-up of a programme, not an indicator.
POLICYDB_LEXICON(structure_nouns, "方面", "方向", "路径", "任务", "举措", "措施", "原则", "机制",
                 "基础", "环节", "阶段", "步骤", "维度", "板块", "抓手", "大类", "层次",
                 "层级", "位领导", "次会议", "场", "届", "模式", "经验", "个字", "句话", "战略",
                 "工程", "行动", "体系", "领域", "政策", "意见", "办法", "方案")
// After a count these make it the number of parts being summed (两项合计…).
POLICYDB_LEXICON(sum_words, "合计", "共计", "总计", "累计共")
// Before a figure these cap it (最高可给予1000万元): comparator le.
POLICYDB_LEXICON(cap_words, "最高", "最多", "上限", "不超过", "最高可", "最高给予", "最高可给予",
                 "最高奖补", "最高奖励", "最高补贴", "封顶")
POLICYDB_LEXICON(zone_suffixes, "经开区", "高新区", "航空港", "自贸区", "综保区", "新区", "开发区",
                 "经济技术开发区", "高新技术产业开发区", "示范区", "港区")
POLICYDB_LEXICON(duration_words, "连续", "历时", "用时", "时间", "以来", "期间", "为期")
POLICYDB_LEXICON(normalizer_words, "每", "由", "以", "每个", "每家", "平均每", "每销售", "每万人",
                 "每百人", "每千人", "每平方公里", "每秒", "按")
POLICYDB_LEXICON(definition_words, "约等于", "等于", "相当于每", "即", "=")
POLICYDB_LEXICON(list_separators, "、", "和", "及", "与", "以及", "或", " ", "及其")
POLICYDB_LEXICON(respectively_words, "分别", "依次")
POLICYDB_LEXICON(example_markers, "等", "等等")

#undef POLICYDB_LEXICON

}  // namespace policydb::extract_detail
