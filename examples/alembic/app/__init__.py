"""The example application's package: its SQLAlchemy models live in app.models."""
