"""Texts of response import: reading files, mapping, validation, batches (zh, en).

Messages about a cell are filled with `value` (the cell) and `column` (the
file's header text) besides their own placeholders; each says what to do.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading the file
    "imp.too_large": (
        "文件有 {size_mb} MB，超过了 {limit_mb} MB 的上限。请拆分成几个较小的文件分别导入。",
        "The file is {size_mb} MB, over the limit of {limit_mb} MB. Split it into smaller files and import them one by one.",
    ),
    "imp.empty": (
        "文件是空的。请选择含有表头和答卷数据的文件。",
        "The file is empty. Choose a file with a header row and responses.",
    ),
    "imp.no_rows": (
        "文件只有表头，没有答卷数据。请检查是否选错了文件或工作表（只读取第一个工作表）。",
        "The file has a header but no responses. Check that it is the right file and sheet (only the first sheet is read).",
    ),
    "imp.encoding_unknown": (
        "无法识别文件的编码（支持 UTF-8、GBK/GB18030、UTF-16）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再上传，或手动选择编码。",
        "The file's encoding was not recognised (UTF-8, GBK/GB18030 and UTF-16 are supported). Save it from Excel as “CSV UTF-8” or .xlsx and upload again, or choose the encoding by hand.",
    ),
    "imp.encoding_utf32": (
        "文件是 UTF-32 编码，本工具不读取这种编码。请在 Excel 或文本编辑器中另存为“CSV UTF-8”后再上传。",
        "The file is encoded as UTF-32, which is not read here. Save it as “CSV UTF-8” from Excel or a text editor and upload again.",
    ),
    "imp.encoding_wrong": (
        "文件不能按 {encoding} 编码读取。请选择其他编码，或另存为“CSV UTF-8”后再上传。",
        "The file cannot be read as {encoding}. Choose another encoding, or save it as “CSV UTF-8” and upload again.",
    ),
    "imp.cell_too_long_file": (
        "第 {row} 行有一个单元格超过 {limit} 个字符，或有未闭合的引号。请检查该行后再上传。",
        "Row {row} has a cell longer than {limit} characters, or a quote that is never closed. Check that row and upload again.",
    ),
    "imp.csv_broken": (
        "第 {row} 行无法按 CSV 格式读取（可能有未闭合的引号）。请检查该行后再上传。",
        "Row {row} cannot be read as CSV (perhaps a quote is never closed). Check that row and upload again.",
    ),
    "imp.excel_unreadable": (
        "无法以 Excel 文件打开（文件可能已损坏或加密）。请在 Excel 中打开并另存为 .xlsx 或 CSV 后再上传。",
        "The file cannot be opened as an Excel workbook (it may be damaged or encrypted). Open it in Excel, save it as .xlsx or CSV and upload again.",
    ),
    "imp.excel_broken": (
        "Excel 文件在第 {row} 行附近已损坏，无法继续读取。请在 Excel 中打开并另存后再上传。",
        "The Excel file is damaged near row {row} and cannot be read further. Open it in Excel, save it again and upload.",
    ),
    # --- mapping columns
    "imp.mapping_column_missing": (
        "映射中的列“{column}”不在本文件中，已忽略。",
        "The mapped column “{column}” is not in this file; it is ignored.",
    ),
    "imp.mapping_twice": (
        "列“{column}”和“{other}”都对应到“{target}”。每个题目只能对应一列：请把其中一列改为“不导入”。",
        "Columns “{column}” and “{other}” both map to “{target}”. Each item takes one column: set one of them to “do not import”.",
    ),
    "imp.mapping_unknown_target": (
        "列“{column}”对应的“{target}”不是本问卷当前版本的题目。请重新选择对应的题目。",
        "Column “{column}” maps to “{target}”, which is not an item of the survey's current version. Choose the item again.",
    ),
    "imp.required_no_column": (
        "必答题“{item}”在文件中没有对应的列。请为它指定一列，或在文件中补上这一列。",
        "The required item “{item}” has no column in the file. Map a column to it, or add the column to the file.",
    ),
    "imp.no_items_mapped": (
        "没有任何一列对应到问卷题目。请在列映射中为各列选择对应的题目。",
        "No column maps to a survey item. Choose the item for each column in the column mapping.",
    ),
    "imp.column_ignored": (
        "列“{column}”没有对应的题目，不导入。如需导入，请在列映射中为它选择题目。",
        "Column “{column}” matches no item and is not imported. To import it, choose its item in the column mapping.",
    ),
    # --- cells and rows
    "imp.not_a_number": (
        "“{value}”既不是数字，也不是该量表的选项。请改为 {min}–{max} 的整数，或在“答案文字”中为它指定分值。",
        "“{value}” is neither a number nor an option of this scale. Enter a whole number from {min} to {max}, or give it a value under “answer texts”.",
    ),
    "imp.not_whole": (
        "“{value}”不是整数，而量表只有 {min}–{max} 的整数分值。请改为整数（不会自动四舍五入）。",
        "“{value}” is not a whole number, and the scale has only the whole points {min}–{max}. Enter a whole number (nothing is rounded for you).",
    ),
    "imp.off_scale": (
        "“{value}”超出了量表范围 {min}–{max}。请改为该范围内的分值，缺失请留空或填“不适用”。",
        "“{value}” is off the scale {min}–{max}. Enter a value in that range; leave a missing answer empty or write “N/A”.",
    ),
    "imp.formula": (
        "“{value}”是公式，导入时不会计算。请在表格中把公式换成它的结果（数值）。",
        "“{value}” is a formula, which is not calculated on import. Replace the formula with its result (the number) in the spreadsheet.",
    ),
    "imp.formula_text": (
        "“{value}”看起来是公式，导入时不会计算，也不作为文字保存。请换成实际的内容。",
        "“{value}” looks like a formula; it is neither calculated nor kept as text. Replace it with the actual value.",
    ),
    "imp.bad_character": (
        "该单元格含有一个不可见的控制字符或非字符（{code}，第 {position} 个字符），常见于损坏的文件或从其他软件复制的文字。请删除它后重新导入。",
        "The cell holds an invisible control character or non-character ({code}, character {position}), as damaged files and text copied from other software bring. Remove it and import again.",
    ),
    "imp.header_bad_character": (
        "第 {number} 列的列名含有一个不可见的控制字符或非字符（{code}，第 {position} 个字符）。请在文件中删除它后重新上传。",
        "The heading of column {number} holds an invisible control character or non-character ({code}, character {position}). Remove it in the file and upload again.",
    ),
    "imp.too_long": (
        "内容超过 {limit} 个字符。请缩短后再导入。",
        "The text is longer than {limit} characters. Shorten it and import again.",
    ),
    "imp.label_value_bad": (
        "答案文字“{text}”被指定的分值不是数字。请在“答案文字”中改为数字，或设为缺失。",
        "The value given to the answer text “{text}” is not a number. Give it a number under “answer texts”, or make it missing.",
    ),
    "imp.required_missing": (
        "必答题“{item}”没有作答。请补上答案，或删除这一行。",
        "The required item “{item}” has no answer. Fill it in, or remove the row.",
    ),
    "imp.extra_cells": (
        "这一行有 {cells} 个单元格，多于表头的 {width} 列（可能某个文字里含有未加引号的分隔符）。请检查这一行。",
        "The row has {cells} cells, more than the header's {width} columns (perhaps a text contains an unquoted delimiter). Check this row.",
    ),
    "imp.row_empty": (
        "这一行没有任何题目的答案。请补上答案，或删除这一行。",
        "The row answers no item. Fill in the answers, or remove the row.",
    ),
    "imp.duplicate_in_file": (
        "答卷人编号“{value}”在文件中重复，第一次出现在第 {first} 行（同一批次）。请删除重复的行或更正编号。",
        "Respondent id “{value}” appears twice in the file (same wave); it first appears in row {first}. Remove the repeated row or correct the id.",
    ),
    "imp.duplicate_earlier": (
        "答卷人编号“{value}”在批次“{wave}”中已经导入过。请确认这不是重复上传；如需替换，请先撤销原来的导入批次。",
        "Respondent id “{value}” was already imported for wave “{wave}”. Check that this is not a repeated upload; to replace it, undo the earlier import batch first.",
    ),
    # --- the import as a whole
    "imp.conflict": (
        "导入时有其他操作同时写入了相同的答卷人编号，本次导入已全部撤回，没有保存任何数据。请重新上传。",
        "Something else stored the same respondent ids at the same moment, so this import was rolled back and nothing was stored. Upload the file again.",
    ),
    "imp.busy": (
        "数据库正忙（可能有另一个导入正在进行），没有保存任何数据。请稍后再试。",
        "The database is busy (perhaps another import is running); nothing was stored. Try again in a moment.",
    ),
    "imp.progress": ("已读取并检查 {rows} 行…", "Read and checked {rows} rows…"),
    "imp.progress_done": ("导入完成：共 {rows} 行。", "Import finished: {rows} rows."),
    "imp.result_imported": (
        "已导入 {imported} 行，拒绝 {rejected} 行（共读取 {read} 行）。",
        "Imported {imported} rows, rejected {rejected} (of {read} read).",
    ),
    "imp.result_refused": (
        "没有导入任何数据：{count} 个问题需要先修正。",
        "Nothing was imported: {count} problems need fixing first.",
    ),
    "imp.undone": (
        "已撤销导入批次 {batch}，删除了 {count} 份答卷。",
        "Undid import batch {batch}: {count} responses removed.",
    ),
    # --- choices the page offers
    "imp.policy.all_or_nothing": (
        "全部导入或全部不导入（有任何问题时不导入，修正文件后再上传）",
        "All or nothing (import nothing while any row has a problem; fix the file and upload again)",
    ),
    "imp.policy.valid_rows": (
        "只导入没有问题的行（有问题的行可下载，修正后再上传）",
        "Import the valid rows (download the rejected rows, fix them and upload them again)",
    ),
    "imp.target.skip": ("（不导入）", "(do not import)"),
    "imp.level.error": ("错误", "Error"),
    "imp.level.notice": ("提示", "Notice"),
    # --- downloads
    "imp.problem_column": ("导入问题", "import problem"),
    "imp.report_row": ("行号", "Row"),
    "imp.report_column": ("列", "Column"),
    "imp.report_value": ("值", "Value"),
    "imp.report_problem": ("问题及处理办法", "Problem and what to do"),
}
