"""The pipeline of one run: admitting inputs, a batch through every stage, memory care and the run's summary."""
