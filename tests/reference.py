"""Reference models written out from their published sources, shared by tests (never taken from the code under test)."""

# The ECSI model of the mobile-phone data (shared data README; R plspm, unscaled, centroid), constructs named
# by the template's dimension codes.
ECSI_BLOCKS = {
    "image": ["imag1", "imag2", "imag3", "imag4", "imag5"],
    "expectation": ["expe1", "expe2", "expe3", "expe4", "expe5"],
    "quality": ["qual1", "qual2", "qual3", "qual4", "qual5"],
    "value": ["val1", "val2", "val3", "val4"],
    "satisfaction": ["sat1", "sat2", "sat3", "sat4"],
    "loyalty": ["loy1", "loy2", "loy3", "loy4"],
}
ECSI_PATHS = {
    "expectation": ["image"],
    "quality": ["expectation"],
    "value": ["expectation", "quality"],
    "satisfaction": ["image", "expectation", "quality", "value"],
    "loyalty": ["image", "satisfaction"],
}

# The same model under plspm's construct names, as its published output names them (IMAG, EXPE ...).
PLSPM_NAMES = {
    "image": "IMAG",
    "expectation": "EXPE",
    "quality": "QUAL",
    "value": "VAL",
    "satisfaction": "SAT",
    "loyalty": "LOY",
}
PLSPM_BLOCKS = {PLSPM_NAMES[c]: items for c, items in ECSI_BLOCKS.items()}
PLSPM_PATHS = {PLSPM_NAMES[c]: [PLSPM_NAMES[p] for p in ps] for c, ps in ECSI_PATHS.items()}
