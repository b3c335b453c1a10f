using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Tongban.Bench;

/// <summary>
/// A row read from a table the app wrote, used as the template of bulk rows: the bench changes only the
/// columns that make a row distinct (keys, names, dates) and keeps the rest, so every copy is a row the
/// app itself produced and reads back.
/// </summary>
public sealed class Row
{
    private readonly Dictionary<string, int> index;

    private Row(string table, string[] columns, object?[] values)
    {
        Table = table;
        Columns = columns;
        Values = values;
        index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
    }

    public string Table { get; }

    public string[] Columns { get; }

    public object?[] Values { get; }

    public object? this[string column]
    {
        get => Values[index[column]];
        set => Values[index[column]] = value;
    }

    /// <summary>A row the bench makes whole, for a table no template row exists for yet.</summary>
    public static Row Of(string table, string[] columns, object?[] values) => new(table, columns, values);

    public Row Copy() => new(Table, Columns, (object?[])Values.Clone());

    /// <summary>The rows of <paramref name="table"/> matching <paramref name="where"/> (SQL, with @p0… parameters).</summary>
    public static async Task<List<Row>> ReadAsync(DbConnection connection, string table, string where, params object[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE {where}";
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            var values = new object?[columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i);
            }

            rows.Add(new Row(table, columns, values));
        }

        return rows;
    }

    /// <summary>Inserts the row with an ordinary parameterised INSERT (either provider).</summary>
    public async Task InsertAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {Table} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@v{i}"))})";
        for (var i = 0; i < Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@v{i}";
            parameter.Value = Values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Binary COPY of generated rows into one PostgreSQL table.</summary>
public static class Copy
{
    public static async Task<long> IntoAsync(NpgsqlConnection connection, string table, IEnumerable<Row> rows)
    {
        var types = await ColumnTypesAsync(connection, table);
        NpgsqlBinaryImporter? importer = null;
        long written = 0;
        try
        {
            foreach (var row in rows)
            {
                importer ??= await connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", row.Columns)}) FROM STDIN (FORMAT BINARY)");
                await importer.StartRowAsync();
                for (var i = 0; i < row.Columns.Length; i++)
                {
                    if (row.Values[i] is { } value)
                    {
                        await importer.WriteAsync(value, types[row.Columns[i]]);
                    }
                    else
                    {
                        await importer.WriteNullAsync();
                    }
                }

                written++;
            }

            if (importer is not null)
            {
                await importer.CompleteAsync();
            }
        }
        finally
        {
            if (importer is not null)
            {
                await importer.DisposeAsync();
            }
        }

        return written;
    }

    private static async Task<Dictionary<string, NpgsqlDbType>> ColumnTypesAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = @t", connection);
        command.Parameters.AddWithValue("t", table);
        var types = new Dictionary<string, NpgsqlDbType>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types[reader.GetString(0)] = reader.GetString(1) switch
            {
                "uuid" => NpgsqlDbType.Uuid,
                "character varying" => NpgsqlDbType.Varchar,
                "text" => NpgsqlDbType.Text,
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                "date" => NpgsqlDbType.Date,
                "numeric" => NpgsqlDbType.Numeric,
                "double precision" => NpgsqlDbType.Double,
                "jsonb" => NpgsqlDbType.Jsonb,
                var other => throw new NotSupportedException($"{table}: column type {other}"),
            };
        }

        return types;
    }
}
