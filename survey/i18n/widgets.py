"""Streamlit's own texts inside its widgets, in the product's words (ui.widget_texts puts them in place)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "widget.upload": ("上传", "Upload"),
    "widget.upload_limit": ("每个文件不超过 {size}", "{size} per file"),
    "widget.enter": ("按回车键确认", "Press Enter to apply"),
    "widget.enter_form": ("按回车键提交", "Press Enter to submit form"),
    "widget.ctrl_enter": ("按 Ctrl+Enter 确认", "Press Ctrl+Enter to apply"),
}
