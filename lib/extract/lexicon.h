// Cue-word lexicons of the extractor and the matcher that looks them up.
//
// Every rule of the extractor that depends on wording reads one of these tables
// (lexicon.cpp), so a new cue is a new table entry, never a new branch. A
// PhraseSet indexes its phrases by their first and by their last code point, so
// a lookup at a position costs one hash probe plus a comparison per phrase
// sharing that character (a handful), with no allocation. A bit filter over
// the characters rejects the common case (no phrase starts here) before the probe.
#pragma once

#include <bitset>
#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policydb::extract_detail {

class PhraseSet {
 public:
  PhraseSet(std::initializer_list<std::string_view> phrases);

  // Byte length of the longest phrase that starts at text[pos]; 0 when none.
  std::size_t match_at(std::string_view text, std::size_t pos) const;
  // Byte length of the longest phrase that ends exactly at text[end); 0 when none.
  std::size_t match_before(std::string_view text, std::size_t end) const;
  // Offset of the first phrase occurrence at or after `from`; npos when none.
  // *len receives its byte length.
  std::size_t find(std::string_view text, std::size_t from = 0, std::size_t* len = nullptr) const;
  bool contains(std::string_view text) const { return find(text) != std::string_view::npos; }
  bool starts(std::string_view text) const { return match_at(text, 0) > 0; }
  bool ends(std::string_view text) const { return match_before(text, text.size()) > 0; }
  bool is(std::string_view text) const;  // text equals one phrase

 private:
  static constexpr std::size_t kFilterBits = 8192;
  static std::size_t filter_slot(char32_t c) { return (c ^ (c >> 13)) % kFilterBits; }
  std::bitset<kFilterBits> first_filter_, last_filter_;
  std::unordered_map<char32_t, std::vector<std::string_view>> by_first_;  // longest first
  std::unordered_map<char32_t, std::vector<std::string_view>> by_last_;   // longest first
};

// The lexicons (lexicon.cpp). Each says in its comment what it decides.
const PhraseSet& strong_target_cues();   // 力争, 目标, 预期, 到…: make a target
const PhraseSet& achieved_markers();     // 成功 before 争取: the intent was achieved
const PhraseSet& weak_target_cues();     // 将, 要: a target only with an attainment verb
const PhraseSet& target_cue_blockers();  // 主要, 重要, 将其: contain a weak cue, are not one
const PhraseSet& goal_comparisons();     // 高于, 完成, 超出 before 目标: 目标 is compared with
const PhraseSet& attainment_verbs();     // 达到, 突破, 建成: a verb that reaches a value
const PhraseSet& actual_cues();          // 截至, 已, 目前: the clause reports what is
const PhraseSet& estimate_cues();        // 预计, 初步预计: an estimate (actual once the year ended)
const PhraseSet& growth_cues();          // 增长, 增速, 同比: a growth rate
const PhraseSet& decline_cues();         // 下降, 减少: a negative growth rate
const PhraseSet& change_verbs();         // 提升, 提高, 增加: a difference from before
const PhraseSet& increment_markers();    // 新增, 新培育: the increase of a stock
const PhraseSet& rank_cues();            // 居, 位居, 排名: a rank follows
const PhraseSet& national_comparisons(); // 高于全国, 比全国: compared with the nation
const PhraseSet& not_national_before();  // 居, 获评, 进入 before 全国: 全国 is not the region
const PhraseSet& label_lead_strip();     // scope, connectives, time words off a label's front
const PhraseSet& label_tail_strip();     // carrying verbs and comparisons off its back
const PhraseSet& after_label_stops();    // 已, 将, 正在: end a label that follows the number
const PhraseSet& generic_tails();      // 项目, 建设 after an indicator's name
const PhraseSet& own_province();       // 我省, 本省: the home province itself
const PhraseSet& province_scope();       // 全省, 我省: the province as a whole
const PhraseSet& topic_frames();         // 方面, 领域: 在X方面 sets X as the topic
const PhraseSet& structure_nouns();      // 方面, 任务, 措施: counts of a programme's parts
const PhraseSet& sum_words();          // 合计, 共计 after a count: parts being summed
const PhraseSet& cap_words();          // 最高, 上限 before a figure: comparator le
const PhraseSet& zone_suffixes();        // 经开区, 航空港: a zone below a city
const PhraseSet& duration_words();       // 连续, 用…时间: a duration, not a value
const PhraseSet& normalizer_words();     // 每, 由, 以: a rate's denominator or an agent
const PhraseSet& definition_words();     // 约等于, 相当于: a unit definition after "1P"
const PhraseSet& list_separators();      // 、, 和, 及: join the items of a list
const PhraseSet& respectively_words();   // 分别: distribute a list of subjects
const PhraseSet& example_markers();      // 等: the names before it are examples

}  // namespace policydb::extract_detail
