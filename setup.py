"""Package layout; everything else is in pyproject.toml.

pyproject.toml cannot say this part: the tables are edited in one place, the repository's
``data/`` folder, and ``pip install .`` ships them inside the package as ``hfs_edu._data``
(``hfs_edu.data.data_dir()`` finds them there with ``importlib.resources``). Every
``hfs_edu*`` code package is found automatically.
"""

from setuptools import find_packages, setup

DATA_GLOBS = ["*.csv", "*.json", "*.md"]

setup(
    packages=[*find_packages(include=["hfs_edu*"]), "hfs_edu._data", "hfs_edu._data.quizzes"],
    package_dir={"hfs_edu._data": "data"},
    package_data={"hfs_edu._data": DATA_GLOBS, "hfs_edu._data.quizzes": DATA_GLOBS},
)
