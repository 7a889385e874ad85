"""English messages written by code that has no language (Click's usage errors, the problems
that bank and answers files raise) read back into the reader's language at the edge.

Each known message is a catalogue entry whose English text is the pattern: its ``{names}`` are
the parts that vary. A message is matched whole against the entries of its family, in order, and
written again with the translation; parts named in ``nested`` are messages themselves and are
translated the same way. A message no entry matches is left as it was written.
"""

from __future__ import annotations

import re
import string
from collections.abc import Collection, Sequence
from functools import cache

from clientcheck.errors import Problem
from clientcheck.i18n import answer_word, tr
from clientcheck.i18n.numbers import regrouped
from clientcheck.text import DEFAULT_LANGUAGE


def translated(text: str, language: str, keys: Sequence[str], nested: Collection[str] = ()) -> str:
    """``text`` in ``language`` when one of ``keys`` (tried in order) has its English; else as it is."""
    if language == DEFAULT_LANGUAGE or not text:
        return text
    for key in keys:
        match = english_pattern(key).fullmatch(text)
        if match:
            parts = {name: translated(value, language, keys, nested) if name in nested else regrouped(value, language)
                     for name, value in match.groupdict().items()}
            if key in ANSWER_LISTS:
                parts[ANSWER_LISTS[key]] = answer_words(parts[ANSWER_LISTS[key]], language)
            return tr(language, key).format(**parts)  # formatted even without parts: '{{' is a brace
    return text


# Entries whose part lists answers as an answers file takes them ('never', 'often'): an Italian
# reader is shown the words an Italian answers file is written in ('mai', 'spesso').
ANSWER_LISTS = {"problem.one_of": "choices", "problem.did_you_mean": "word"}
_QUOTED_ID = re.compile(r"'([a-z_]+)'")


def answer_words(text: str, language: str) -> str:
    """Each quoted fixed answer in ``text`` ('often') as ``language`` writes it ('spesso'); other ids
    (a choice's options) as they are."""
    def written(found: re.Match[str]) -> str:
        try:
            return f"'{answer_word(found[1], language)}'"
        except KeyError:
            return found[0]
    return _QUOTED_ID.sub(written, text)


@cache
def english_pattern(key: str) -> re.Pattern[str]:
    """The English text of ``key`` as a regular expression, each ``{name}`` a named group."""
    pieces, seen = [], set()
    for literal, name, _spec, _conversion in string.Formatter().parse(tr(DEFAULT_LANGUAGE, key)):
        pieces.append(re.escape(literal))
        if name is not None:
            pieces.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")  # the same text again
            seen.add(name)
    return re.compile("".join(pieces), re.DOTALL)


# The problems and errors the core raises in English, as the error edge (ui/plain.py) reads them
# back; tried in order, the more specific first.
# The input readers' (reading.py, yamlsafe.py, clock.py, a home folder that is a file) come first:
# some hold '; ' or a quote, which the general entries below would otherwise take apart.
PROBLEM_KEYS = (
    "problem.schema_missing", "problem.schema_other", "problem.schema_stale", "problem.schema_write_beside",
    "problem.schema_first_line", "problem.schema_refresh",
    # The store's (saved/store.py): the database damaged, busy, read-only, newer, a dangling link; what
    # SQLite and the system say in them ({message}); and an export that stops or leaves one out
    "problem.store_damaged", "problem.store_busy", "problem.store_disk_full", "problem.store_blocked_by_file",
    "problem.store_cannot_create", "problem.store_folder_read_only", "problem.store_file_read_only",
    "problem.store_not_a_file", "problem.store_dangling_link", "problem.store_cannot_use",
    "problem.store_cannot_read", "problem.store_too_new", "problem.store_not_ours",
    "problem.store_assessment_unreadable", "problem.store_export_stops", "problem.store_holds_number",
    "problem.store_left_as_is", "problem.store_try_again", "problem.store_check_folder",
    "problem.store_point_at_folder", "problem.store_check_creatable", "problem.store_make_readable",
    "problem.store_make_writable", "problem.store_move_aside", "problem.store_upgrade", "problem.store_other_folder",
    "problem.store_export_first", "problem.store_restore_one", "problem.store_restore_target",
    "problem.store_says_not_a_database", "problem.store_says_malformed", "problem.store_says_not_sqlite",
    "problem.store_says_integrity", "problem.store_says_quick_check", "problem.store_says_locked",
    "problem.store_says_table_locked", "problem.store_says_cannot_open", "problem.store_says_readonly",
    "problem.store_says_io", "problem.store_says_permission", "problem.store_says_read_only_fs",
    "problem.store_says_no_space", "problem.store_says_no_such_file", "problem.store_says_not_a_directory",
    "problem.store_says_is_a_directory",
    "problem.bank_id_refused", "problem.bank_id_how", "problem.bank_exists", "problem.bank_exists_hint",
    "problem.bank_and_bank_file", "problem.choose_one",
    "problem.cannot_read_answers", "problem.input_too_large", "problem.file_too_large", "problem.size_hint",
    "problem.limit_hint",
    "problem.cannot_be_read", "problem.no_such_file", "problem.check_path", "problem.is_folder",
    "problem.give_file", "problem.read_as_octal", "problem.read_as_hexadecimal", "problem.read_as_binary",
    "problem.read_as_base_60", "problem.write_plainly", "problem.tag_not_integer", "problem.tag_not_number",
    "problem.tag_not_boolean", "problem.remove_tag_integer", "problem.remove_tag_number",
    "problem.remove_tag_boolean", "problem.too_many_digits", "problem.fewer_digits", "problem.bad_now",
    "problem.bad_now_hint", "problem.home_is_file", "problem.home_is_file_hint", "problem.cannot_write",
    "problem.answers_other_bank", "problem.answers_name_bank",
    "problem.do_not_fit", "problem.no_answers", "problem.no_bank", "problem.available_close",
    "problem.available", "problem.bank_is_a_file", "problem.other_bank", "problem.use_bank", "problem.no_question",
    "problem.see_ids",
    "problem.see_answers", "problem.empty_file", "problem.fill_template", "problem.answers_empty",
    "problem.one_per_line", "problem.no_answer", "problem.write_answer", "problem.yes_no", "problem.number",
    "problem.outside", "problem.number_ambiguous", "problem.number_other_marks", "problem.not_a_number",
    "problem.one_of", "problem.did_you_mean",
    # The bank readers' (bank/yamlsafe.py, bank/reader.py, bank/loader/*): the messages, then the general
    # two, then what a message is about (its {what}: "the 'text' of question 'x'") and what was found.
    "problem.bank_has_one", "problem.bank_has_many", "problem.bank_file_empty", "problem.bank_start_new",
    "problem.bank_file_list", "problem.bank_start_id", "problem.bank_input_too_large", "problem.bank_binary",
    "problem.bank_plain_text", "problem.bank_not_utf8", "problem.bank_save_utf8", "problem.bank_not_yaml",
    "problem.bank_two_documents", "problem.bank_one_document", "problem.bank_alias", "problem.bank_anchor",
    "problem.bank_write_out", "problem.bank_tag", "problem.bank_remove_tag", "problem.bank_too_deep",
    "problem.bank_few_levels", "problem.bank_cannot_read_as", "problem.bank_quote_if_text",
    "problem.bank_quote_runs_on", "problem.bank_close_quote", "problem.bank_yaml_syntax",
    "problem.bank_tab_in_indent", "problem.bank_spaces_only", "problem.bank_quote_never_closed",
    "problem.bank_value_colon", "problem.bank_indent_line_up", "problem.bank_key_colon",
    "problem.bank_check_line", "problem.bank_indent_columns", "problem.bank_places_or",
    "problem.bank_places_list", "problem.bank_place", "problem.yaml_simple_key",
    "problem.yaml_block_collection", "problem.yaml_block_mapping", "problem.yaml_plain_tab",
    "problem.yaml_quoted_end", "problem.yaml_next_token", "problem.yaml_mapping_values",
    "problem.yaml_mapping_values_context", "problem.yaml_flow_sequence",
    "problem.yaml_flow_mapping", "problem.yaml_unknown_escape", "problem.yaml_document_start",
    "problem.yaml_expected_key", "problem.yaml_expected_node",
    # PyYAML's and libyaml's other messages, as their parts: what YAML was reading, what it says,
    # what it found (a token's name), put together by problem.bank_what_message ("{what}: {message}")
    "problem.yaml_unacceptable", "problem.yaml_byte_in_position", "problem.yaml_invalid_start_byte",
    "problem.yaml_invalid_continuation_byte", "problem.yaml_unexpected_end_of_data",
    "problem.yaml_while_scanning_a_simple_key", "problem.yaml_while_scanning_a_plain_scalar",
    "problem.yaml_while_scanning_a_quoted_scalar", "problem.yaml_while_parsing_a_quoted_scalar",
    "problem.yaml_while_scanning_a_double_quoted_scalar", "problem.yaml_while_scanning_a_block_scalar",
    "problem.yaml_while_scanning_a_tag", "problem.yaml_while_parsing_a_tag",
    "problem.yaml_while_scanning_a_directive", "problem.yaml_while_parsing_a_directive",
    "problem.yaml_while_scanning_a_pct_yaml_directive", "problem.yaml_while_scanning_a_pct_tag_directive",
    "problem.yaml_while_parsing_a_pct_tag_directive", "problem.yaml_while_scanning_a_tag_directive",
    "problem.yaml_while_parsing_a_tag_directive", "problem.yaml_while_scanning_an_anchor",
    "problem.yaml_while_scanning_an_alias", "problem.yaml_while_scanning_for_the_next_token",
    "problem.yaml_while_parsing_a_block_collection", "problem.yaml_while_parsing_a_block_mapping",
    "problem.yaml_while_parsing_a_block_node", "problem.yaml_while_parsing_a_flow_node",
    "problem.yaml_while_parsing_a_flow_sequence", "problem.yaml_while_parsing_a_flow_mapping",
    "problem.yaml_while_parsing_a_node", "problem.yaml_while_increasing_block_level",
    "problem.yaml_while_increasing_flow_level", "problem.yaml_says_block_sequence_entries_are_not_allowed_in_this_c",
    "problem.yaml_says_mapping_keys_are_not_allowed_in_this_context",
    "problem.yaml_says_control_characters_are_not_allowed",
    "problem.yaml_says_could_not_find_expected_directive_name", "problem.yaml_says_did_not_find_uri_escaped_octet",
    "problem.yaml_says_did_not_find_expected_bang", "problem.yaml_says_did_not_find_expected_or_bracket",
    "problem.yaml_says_did_not_find_expected_or_brace", "problem.yaml_says_did_not_find_expected_dash_indicator",
    "problem.yaml_says_did_not_find_expected_stream_start",
    "problem.yaml_says_did_not_find_expected_alphabetic_or_numeric_char",
    "problem.yaml_says_did_not_find_expected_comment_or_line_break",
    "problem.yaml_says_did_not_find_expected_digit_or_dot_character",
    "problem.yaml_says_did_not_find_expected_hexdecimal_number",
    "problem.yaml_says_did_not_find_expected_node_content", "problem.yaml_says_did_not_find_expected_tag_uri",
    "problem.yaml_says_did_not_find_expected_version_number", "problem.yaml_says_did_not_find_expected_whitespace",
    "problem.yaml_says_did_not_find_expected_whitespace_or_line_break",
    "problem.yaml_says_did_not_find_the_expected_angle",
    "problem.yaml_says_found_a_tab_character_that_violates_indentation",
    "problem.yaml_says_found_a_tab_character_where_an_indentation_space",
    "problem.yaml_says_found_an_incorrect_leading_utf_8_octet",
    "problem.yaml_says_found_an_incorrect_trailing_utf_8_octet",
    "problem.yaml_says_found_an_indentation_indicator_equal_to_0",
    "problem.yaml_says_found_character_that_cannot_start_any_token",
    "problem.yaml_says_found_duplicate_pct_tag_directive", "problem.yaml_says_found_duplicate_pct_yaml_directive",
    "problem.yaml_says_found_extremely_long_version_number", "problem.yaml_says_found_incompatible_yaml_document",
    "problem.yaml_says_found_invalid_unicode_character_escape_code", "problem.yaml_says_found_undefined_tag_handle",
    "problem.yaml_says_found_unexpected_colon", "problem.yaml_says_found_unexpected_document_indicator",
    "problem.yaml_says_found_unexpected_end_of_stream", "problem.yaml_says_exceeded_maximum_nesting_depth",
    "problem.yaml_nesting_hint",
    "problem.yaml_says_found_unexpected_non_alphabetical_character",
    "problem.yaml_says_found_unknown_directive_name", "problem.yaml_says_found_unknown_escape_character",
    "problem.yaml_says_invalid_unicode_character", "problem.yaml_says_mapping_keys_are_not_allowed_here",
    "problem.yaml_says_sequence_entries_are_not_allowed_here",
    "problem.yaml_says_special_characters_are_not_allowed", "problem.yaml_says_expected_uri_but_found_x",
    "problem.yaml_says_expected_angle_but_found_x", "problem.yaml_says_expected_bang_but_found_x",
    "problem.yaml_says_expected_uri_escape_sequence_of_2_hexadecimal_nu",
    "problem.yaml_says_expected_a_comment_or_a_line_break_but_found_x",
    "problem.yaml_says_expected_chomping_or_indentation_indicators_but_",
    "problem.yaml_says_expected_indentation_indicator_in_the_range_1_9_",
    "problem.yaml_says_expected_space_but_found_x", "problem.yaml_says_expected_a_digit_or_space_but_found_x",
    "problem.yaml_says_expected_a_digit_or_dot_but_found_x", "problem.yaml_says_expected_a_digit_but_found_x",
    "problem.yaml_says_expected_alphabetic_or_numeric_character_but_fou",
    "problem.yaml_says_expected_escape_sequence_of_hexadecimal_numbers_",
    "problem.yaml_says_found_unknown_escape_character_x", "problem.yaml_says_found_unexpected_document_separator",
    "problem.yaml_says_found_character_x_that_cannot_start_any_token", "problem.yaml_says_duplicate_tag_handle_x",
    "problem.yaml_says_expected_document_start_but_found_x", "problem.yaml_says_found_duplicate_yaml_directive",
    "problem.yaml_says_found_incompatible_yaml_document_version_1_is_re",
    "problem.yaml_says_expected_the_node_content_but_found_x", "problem.yaml_says_expected_block_end_but_found_x",
    "problem.yaml_says_expected_or_bracket_but_got_x", "problem.yaml_says_expected_or_brace_but_got_x",
    "problem.yaml_says_found_undefined_tag_handle_x", "problem.yaml_says_codec_codec_can_t_decode_x",
    "problem.yaml_token_directive", "problem.yaml_token_document_start", "problem.yaml_token_document_end",
    "problem.yaml_token_stream_start", "problem.yaml_token_stream_end", "problem.yaml_token_block_sequence_start",
    "problem.yaml_token_block_mapping_start", "problem.yaml_token_block_end", "problem.yaml_token_alias",
    "problem.yaml_token_anchor", "problem.yaml_token_tag", "problem.yaml_token_scalar",
    "problem.yaml_remove_character",
    "problem.bank_not_mapping",
    "problem.bank_indent_keys", "problem.bank_merge_keys", "problem.bank_keys_out", "problem.bank_keys_words",
    "problem.bank_quote_key", "problem.bank_duplicate_key", "problem.bank_keep_one", "problem.bank_unknown_key",
    "problem.bank_keys_allowed", "problem.bank_missing_translations", "problem.bank_missing_translation",
    "problem.bank_add_translation",
    "problem.bank_missing_keys", "problem.bank_add_it", "problem.bank_add_them", "problem.bank_not_list",
    "problem.bank_list_items", "problem.bank_empty", "problem.bank_add_item", "problem.bank_text_lang",
    "problem.bank_not_text", "problem.bank_write_text", "problem.bank_not_id", "problem.bank_id_letters",
    "problem.bank_not_finite", "problem.bank_not_number", "problem.bank_write_digits", "problem.bank_not_whole",
    "problem.bank_write_digit", "problem.bank_out_of_bounds",
    "problem.bank_write_whole_from_to", "problem.bank_write_whole_at_least", "problem.bank_write_whole_at_most",
    "problem.bank_write_whole",
    "problem.bank_from_to", "problem.bank_at_least", "problem.bank_at_most", "problem.bank_not_boolean",
    "problem.bank_write_boolean", "problem.bank_not_texts", "problem.bank_one_per_language",
    "problem.bank_unknown_language_in", "problem.bank_languages_are", "problem.bank_undeclared_language",
    "problem.bank_declare_language", "problem.bank_write_the_text", "problem.bank_no_count_signals",
    "problem.bank_signals_at_end", "problem.bank_no_look_risk", "problem.bank_risk_at_end",
    "problem.bank_condition_needs", "problem.bank_condition_example_doc", "problem.bank_condition_mixes",
    "problem.bank_stand_alone", "problem.bank_use_one_of", "problem.bank_exactly_one",
    "problem.bank_condition_example", "problem.bank_risk_not_dimension", "problem.bank_signals_not_dimension",
    "problem.bank_use_overall", "problem.bank_risk_range", "problem.bank_risk_in_between",
    "problem.bank_needs_scale", "problem.bank_equals_or_in", "problem.bank_refers_broken",
    "problem.bank_fix_first", "problem.bank_refers_later", "problem.bank_move_below",
    "problem.bank_refers_missing", "problem.bank_check_question_id", "problem.bank_one_answer",
    "problem.bank_use_in", "problem.bank_test_dont_know", "problem.bank_dont_know_false",
    "problem.bank_question_of_type", "problem.bank_dimension_twice", "problem.bank_different_id",
    "problem.bank_revenue_question", "problem.bank_name_revenue", "problem.bank_no_advice",
    "problem.bank_add_advice", "problem.bank_question_id_twice", "problem.bank_question_own_id",
    "problem.bank_unknown_dimension", "problem.bank_no_dimensions", "problem.bank_dimensions_are",
    "problem.bank_unknown_type", "problem.bank_types_are", "problem.bank_weight_zero",
    "problem.bank_weight_hint", "problem.bank_number_twice", "problem.bank_own_number",
    "problem.bank_does_not_apply", "problem.bank_for_two_types", "problem.bank_for_type",
    "problem.bank_type_needs", "problem.bank_see_questions", "problem.bank_single_option",
    "problem.bank_two_options", "problem.bank_option_risk", "problem.bank_option_risk_hint",
    "problem.bank_option_twice", "problem.bank_own_id", "problem.bank_offered_already",
    "problem.bank_remove_option", "problem.bank_max_not_above", "problem.bank_swap_widen",
    "problem.bank_safe_risky_equal", "problem.bank_make_differ", "problem.bank_dealbreaker_twice",
    "problem.bank_profile_twice", "problem.bank_band_max_below", "problem.bank_swap", "problem.bank_band_start",
    "problem.bank_first_band", "problem.bank_band_gap", "problem.bank_start_band", "problem.bank_band_overlap",
    "problem.bank_level_falls", "problem.bank_levels_order", "problem.bank_band_end", "problem.bank_last_band",
    "problem.bank_unknown_language", "problem.bank_language_twice", "problem.bank_remove_one",
    "problem.bank_not_date", "problem.bank_date_format", "problem.bank_not_one_of", "problem.bank_write_one_of",
    "problem.bank_not_level", "problem.bank_levels_are",
    "problem.suggested", "problem.quoted",
    "problem.answers_the_file",
    "problem.bank_the_bank", "problem.bank_a_question", "problem.bank_a_band", "problem.bank_a_dimension",
    "problem.bank_a_dealbreaker", "problem.bank_a_profile", "problem.bank_a_step",
    "problem.bank_field_of_question", "problem.bank_field_of_this_question",
    "problem.bank_field_of_dealbreaker", "problem.bank_field_of_this_dealbreaker",
    "problem.bank_field_of_profile", "problem.bank_field_of_this_profile", "problem.bank_option_of_question",
    "problem.bank_option_of_this_question", "problem.bank_key_of_question", "problem.bank_key_of_this_question",
    "problem.bank_key_in_question", "problem.bank_key_in_this_question", "problem.bank_question_named",
    "problem.bank_this_question", "problem.bank_dealbreaker_named", "problem.bank_this_dealbreaker",
    "problem.bank_profile_named", "problem.bank_this_profile", "problem.bank_band_field",
    "problem.bank_dimension_field", "problem.bank_option_field", "problem.bank_question_id",
    "problem.bank_option_id", "problem.bank_dimension_id", "problem.bank_dealbreaker_id",
    "problem.bank_profile_id", "problem.bank_found_mapping", "problem.bank_found_list",
    "problem.bank_found_nothing", "problem.bank_found_boolean", "problem.bank_found_number",
    "problem.bank_found_text", "problem.bank_what_part", "problem.bank_what_message",
)
PROBLEM_NESTED = {"message", "suggestion", "what", "found", "bounds", "places", "known"}


def problem_message(text: str, language: str) -> str:
    """A problem's or an error's message or hint, in ``language`` where the catalogue knows it."""
    return translated(text, language, PROBLEM_KEYS, PROBLEM_NESTED)


def problem_text(problem: Problem, language: str) -> str:
    """``file:line:column: severity: message`` and the hint below, in ``language``."""
    if language == DEFAULT_LANGUAGE:
        return str(problem)
    severity = tr(language, "error.prefix" if problem.severity == "error" else "problem.warning")
    text = f"{problem.location()}: {severity}: {problem_message(problem.message, language)}"
    if problem.hint:
        text += f"\n    {tr(language, 'error.hint')}: {problem_message(problem.hint, language)}"
    return text
