using MMFuse.Data;
using Microsoft.AspNetCore.Http;

namespace MMFuse.Serve.Input;

/// <summary>
/// Reads one row from <c>multipart/form-data</c>, as an HTML form sends it: files under their column names, every
/// other field as a value (a field in a media column is a path, allowed only under <c>--allow-paths</c>). An empty file
/// or field is an absent value, as an empty cell is; an <c>id</c> field names the row.
/// </summary>
internal static class FormRows
{
    public static async Task<List<MultimodalRow>> ReadAsync(HttpRequest request, IReadOnlyDictionary<string, ColumnRole> roles, CancellationToken cancel)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancel);
        }
        catch (InvalidDataException ex)
        {
            // Malformed multipart or a section over a form limit: the reader's reason names no content.
            throw new RequestProblemException(StatusCodes.Status400BadRequest, "Malformed form", "the form body cannot be read: " + ex.Message);
        }
        var idField = !roles.ContainsKey("id") && form.TryGetValue("id", out var given) ? given.ToString() : null;
        var row = new MultimodalRow(string.IsNullOrEmpty(idField) ? "0" : idField);
        foreach (var (name, values) in form)
        {
            if (name == "id" && !roles.ContainsKey("id"))
                continue;
            if (!roles.TryGetValue(name, out var role))
                throw RowProblem.Unknown(0, JsonRows.Clip(name), roles.Keys);
            if (values.Count > 1 || form.Files.Any(f => f.Name == name))
                throw RowProblem.At(0, name, "the column is given twice");
            row[name] = values.ToString() is { Length: > 0 } text ? text : null;
        }
        foreach (var file in form.Files)
        {
            if (!roles.TryGetValue(file.Name, out var role))
                throw RowProblem.Unknown(0, JsonRows.Clip(file.Name), roles.Keys);
            if (row.Values.ContainsKey(file.Name))
                throw RowProblem.At(0, file.Name, "the column is given twice");
            if (role is not (ColumnRole.Image or ColumnRole.Audio))
                throw RowProblem.At(0, file.Name, $"a {role.Name()} value is given as a field, not a file");
            row[file.Name] = file.Length == 0 ? null : await Read(file, cancel);
        }
        return [RowProblem.NotEmpty(0, row)];
    }

    private static async Task<byte[]> Read(IFormFile file, CancellationToken cancel)
    {
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, cancel);
        return memory.ToArray();
    }
}
