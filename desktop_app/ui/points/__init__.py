"""The month's points (« Points »): earnings per measure and worker, quotas, charts."""
