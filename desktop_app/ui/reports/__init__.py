"""The documents (« Rapports »): grid, statements, occupancy, convention follow-up, their
previews and exports."""
