"""The product's size limits, in one place: what a workshop, a text and a number may hold.

A workshop is a room of people choosing among a handful of backbone models; these bounds sit
well above any real one and well below what makes documents slow. The API schemas, the
catalogue's rules, the record reader and the use cases all take them from here."""

from __future__ import annotations

MAX_ID = 2**31 - 1  # the largest row id both backends store (PostgreSQL's INTEGER)
MAX_CRITERIA = 20
MAX_OPTIONS = 12
MAX_PARTICIPANTS = 200
MAX_EVENTS = 5_000  # a timeline in an imported record
MAX_WEIGHT = 1_000_000  # a typed weight, points or swing value; normalised safely below it
MAX_FOLLOW_UPS = 50  # risks and conditions, or next steps, of one decision
MAX_APPROVERS = 12
MAX_GUIDING_QUESTIONS = 10  # a custom criterion's questions
MAX_JUDGMENTS = MAX_CRITERIA * (MAX_CRITERIA - 1) // 2

MAX_KEY = 80
MAX_NAME = 80  # a participant's name
MAX_TITLE = 200  # titles, item names, conveners
MAX_TEXT = 2_000  # goals, descriptions
MAX_COMMENT = 1_000
MAX_LONG_TEXT = 10_000  # a decision's rationale, dissent
MAX_EMAIL = 254
MAX_PASSWORD = 1_000
