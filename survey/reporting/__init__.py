"""What goes out: downloads (CSV, XLSX, PNG, SVG), the PDF and PowerPoint report, drawn in worker processes."""
