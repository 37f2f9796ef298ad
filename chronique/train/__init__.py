"""`chronique train`: readers for the training sets and the trainer of the event-candidate model."""
