"""skillfit: bilingual (English/Dutch) skill extraction from CVs and vacancies, with fit scoring in DuckDB."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("skillfit")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+local"

from pipeline.api import Extractor, Failure, document_to_dict  # noqa: E402
from pipeline.model import Document, Mention, Section, Skill  # noqa: E402

__all__ = ["Extractor", "Failure", "Document", "Mention", "Section", "Skill", "document_to_dict", "__version__"]
