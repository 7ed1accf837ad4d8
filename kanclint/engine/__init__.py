"""The engine: registry, selection, running the rules, one overlap resolver, fixes, score, serialisation.

It sits above the rules and below the surfaces (cli, lsp, output, gate): a surface asks the
engine for a report and never runs a rule itself.  ``kanclint.lint``/``kanclint.fix`` are the
public entry points; the modules are :mod:`.running`, :mod:`.registry`, :mod:`.fixes`,
:mod:`.score`, :mod:`.signals` and :mod:`.suppression`.
"""
