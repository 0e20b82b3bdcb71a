-- Sites no longer keep a list of their residents' ids: the resident directory reads the residents' own states
-- (src/Silo/Residents/ResidentDirectoryGrain.cs). This removes the lists older versions appended to.
-- Applied at every start; once they are gone it finds nothing to delete.

DELETE FROM log_entry WHERE log_name = 'site-residents';
