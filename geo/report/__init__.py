"""What a page reports: the overview and briefing, the buurt profile, the method texts."""
