namespace Ops.Dashboard.Residents.Archive;

public enum ArchiveFormat
{
    Csv,
    Xlsx,
}
