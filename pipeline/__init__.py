"""skillfit: bilingual (English/Dutch) skill extraction from CVs and vacancies, with fit scoring in DuckDB."""

# The one place the version is written (pyproject reads it from here): asking importlib.metadata
# instead would cost every command a tenth of a second at start-up.
__version__ = "0.15.0"

from pipeline.api import Extractor, Failure, document_to_dict  # noqa: E402
from pipeline.model import Document, Mention, Section, Skill  # noqa: E402

__all__ = ["Extractor", "Failure", "Document", "Mention", "Section", "Skill", "document_to_dict", "__version__"]
