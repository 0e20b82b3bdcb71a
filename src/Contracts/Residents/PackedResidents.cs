using System.Text;

namespace Ops.Contracts.Residents;

/// <summary>Residents as one block of bytes, for the calls that carry a whole site of them (the directory's
/// answers to a search, an export, an import's comparison). Orleans' serializer writes and reads a list of
/// records field by field, string by string, each looked up in its table of references: at 100,000 residents
/// most of an export's time. An array of bytes crosses as one copy, and packing and unpacking it are tight
/// loops. The layout is private to this class; both ends of a call run the same version of it.</summary>
[GenerateSerializer, Immutable, Alias("ops.packed-residents")]
public sealed class PackedResidents
{
    private const byte Layout = 1;

    [Id(0)] public byte[] Bytes { get; init; } = [];

    public static PackedResidents Pack(IReadOnlyCollection<Resident> residents)
    {
        using var buffer = new MemoryStream(residents.Count * 80 + 8);
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Layout);
            writer.Write(residents.Count);
            foreach (var resident in residents)
            {
                writer.Write(resident.ResidentId);
                writer.Write(resident.Name);
                writer.Write(resident.Unit);
                WriteOptional(writer, resident.Building);
                WriteOptional(writer, resident.Phone);
                WriteOptional(writer, resident.Birthday);
                WriteList(writer, resident.Care);
                WriteList(writer, resident.Cards);
                WriteList(writer, resident.Plates);
                WriteOptional(writer, resident.Notes);
                writer.Write(resident.Active);
            }
        }
        return new PackedResidents { Bytes = buffer.ToArray() };
    }

    /// <summary>The residents in the order they were packed.</summary>
    public List<Resident> Unpack()
    {
        using var reader = new BinaryReader(new MemoryStream(Bytes, writable: false), Encoding.UTF8);
        if (reader.ReadByte() != Layout)
            throw new InvalidDataException("Packed residents of an unknown layout.");
        var count = reader.ReadInt32();
        var residents = new List<Resident>(count);
        for (var i = 0; i < count; i++)
        {
            residents.Add(new Resident
            {
                ResidentId = reader.ReadString(),
                Name = reader.ReadString(),
                Unit = reader.ReadString(),
                Building = ReadOptional(reader),
                Phone = ReadOptional(reader),
                Birthday = ReadOptional(reader),
                Care = ReadList(reader),
                Cards = ReadList(reader),
                Plates = ReadList(reader),
                Notes = ReadOptional(reader),
                Active = reader.ReadBoolean(),
            });
        }
        return residents;
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
            writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteList(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write7BitEncodedInt(values.Count);
        foreach (var value in values)
            writer.Write(value);
    }

    private static string[] ReadList(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count == 0)
            return [];
        var values = new string[count];
        for (var i = 0; i < count; i++)
            values[i] = reader.ReadString();
        return values;
    }
}
