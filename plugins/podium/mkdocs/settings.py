"""The `podium` plugin's MkDocs config, made of the fields of `podium.core.settings.Settings`, validated by that model.

`podium check` reads mkdocs.yml through `Settings`; the build must accept and refuse exactly the same options, so
the plugin's config has no rules of its own: each `Setting` takes its default from the model's field, MkDocs hands
the values over as written, and `SettingsConfig.validate` judges them all with the model. A bad option stops the
build as a config error at its line in mkdocs.yml, the message `podium check` prints, without a traceback:

    ERROR   -  Config value 'plugins': Plugin 'podium' option 'max_transcript_kb': mkdocs.yml:8:26: error: the podium
               plugin's option `max_transcript_kb` must be a whole number, not the text "2048"
                 hint: write the number without quotes: `max_transcript_kb: 2048`
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, TypeVar

from mkdocs.config.base import (
    BaseConfigOption,
    Config,
    ConfigErrors,
    ConfigWarnings,
    ValidationError,
)
from pydantic import BaseModel

from podium.core import settings as settings_model
from podium.core.problems import Problems
from podium.core.settings import PluginEntry, Settings

T = TypeVar("T")


class Setting(BaseConfigOption[T]):
    """One field of the config's model as a MkDocs option: the model's default, the value passed through as
    written."""

    def __set_name__(self, owner: type, name: str) -> None:
        super().__set_name__(owner, name)
        model: type[BaseModel] = getattr(owner, "model", Settings)
        if name not in model.model_fields:
            raise TypeError(f"{owner.__name__}.{name}: `{model.__name__}` has no field `{name}` (add it there first)")
        self.default = model.model_fields[name].get_default(call_default_factory=True)


class SettingsConfig(Config):
    """A plugin config whose options are exactly the fields of a model (`Settings` for the podium plugin, a
    feature's options for its plugin), validated by the model at once, each error at its line in mkdocs.yml."""

    model: ClassVar[type[BaseModel]] = Settings
    plugin: ClassVar[str] = settings_model.PLUGIN
    settings: Any
    """The validated options (an instance of `model`), once MkDocs has validated the config."""

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        missing = set(cls.model.model_fields) - {name for name, _ in cls._schema}
        if missing:
            raise TypeError(f"{cls.__name__} lacks the {cls.model.__name__} fields {', '.join(sorted(missing))}")

    def validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        problems = Problems()
        entry = self._entry()
        self.settings = settings_model.validate_options(entry, problems, self.model, self.plugin)
        failed.extend((_option(problem.message), ValidationError(problem.format())) for problem in problems)
        # The model reports an unknown option as an error, with a "did you mean"; MkDocs' warning would repeat it.
        warnings = [w for w in warnings if not str(w[1]).startswith("Unrecognised configuration name")]
        for name in self.model.model_fields:  # MkDocs' view of the options is the model's (allow_html lowercased)
            self[name] = getattr(self.settings, name)
        return failed, warnings

    def _entry(self) -> PluginEntry:
        """The values MkDocs read (INHERIT merged, `!ENV` resolved), with their places in the config file."""
        entry = PluginEntry()
        if self.config_file_path:
            config_file = Path(self.config_file_path)
            entry = settings_model.read_entry(config_file, Problems(), display=config_file.name, name=self.plugin)
        entry.options = dict(self)
        return entry


def _option(message: str) -> str:
    """The option a problem is about, for MkDocs' `Plugin 'podium' option '...'` prefix."""
    start = message.find("`")
    return message[start + 1 : message.find("`", start + 1)].split("[")[0] if start >= 0 else ""
