"""Two speeches that refer to each other: Tokayev's 2025 address cites a statement of Kagame's 2024 one."""

from __future__ import annotations

from support.archive import archive_config

XREF_YML = archive_config("podium", "podium-xref")

KAGAME_2024 = """\
title: Address on regional integration
date: 2024-05-10
speaker: kagame
event: aif-2025
"""
TOKAYEV_2025 = """\
title: Opening address
date: 2025-05-29
speaker: tokayev
event: aif-2025
"""
# Kagame's statement that Tokayev's speech refers to, and one of Tokayev's that refers to it.
KAGAME_BODY = """\
Africa and Central Asia share the same task: to trade more with our neighbours. {#trade-with-neighbours}

We have removed visas for every African citizen.
"""
TOKAYEV_BODY = """\
Dear friends,

Regional trade is the surest path to prosperity. {#regional-trade see=kagame-2024#trade-with-neighbours,@kagame}

As [[kagame-2024#trade-with-neighbours|my colleague from Rwanda said]], neighbours must trade.

We will open our borders further. {see=#regional-trade}
"""
