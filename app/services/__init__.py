"""Use cases: each public function is one transaction over the repository and the domain rules."""
