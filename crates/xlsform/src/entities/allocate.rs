//! Step 3: where each entity goes (pyxform's `get_allocation_request` and
//! `allocate_entities_to_containers`, in the same order and with the same ties).

use super::sheet::*;
use super::survey::*;
use crate::workbook::Sheet;
use crate::Problem;

/// Where the allocation's errors go.
pub(super) struct Places<'a> {
    pub(super) entities: &'a Sheet,
    pub(super) survey: &'a str,
    pub(super) save_to: &'a str,
}

pub(super) struct Request {
    pub(super) scope: Path,
    pub(super) dataset: String,
    pub(super) requested: Path,
    pub(super) row: u32,
    pub(super) lineages: Vec<Path>,
}

/// The container an entity asks for, or the error when its references are in repeats that
/// cannot hold one entity.
pub(super) fn request(
    places: &Places,
    declarations: &[Declaration],
    entity: &EntityReferences,
) -> Result<Request, Problem> {
    let mut deepest_scope_ref: Option<&Reference> = None;
    let mut deepest_scope: Option<Path> = None;
    let mut deepest_scope_count = 0;
    let mut deepest_container: Option<(&Reference, usize)> = None;
    let mut deepest_save_to: Option<(&Reference, usize)> = None;
    let mut lineages: Vec<Path> = Vec::new();
    let mut boundaries: Vec<(&Reference, Path)> = Vec::new();

    for reference in &entity.references {
        let subpath = reference.path.subpath_count();
        let boundary = reference.path.scope_boundary();
        let count = boundary.boundary_count();
        if deepest_scope.is_none() || count > deepest_scope_count {
            if deepest_scope.as_ref() != Some(&boundary) {
                deepest_container = Some((reference, subpath));
                if reference.property.is_some() {
                    deepest_save_to = Some((reference, subpath));
                }
            }
            deepest_scope = Some(boundary.clone());
            deepest_scope_count = count;
            deepest_scope_ref = Some(reference);
        }
        boundaries.push((reference, boundary.clone()));
        let in_deepest = deepest_scope.as_ref() == Some(&boundary);
        if deepest_container.is_none_or(|(_, n)| in_deepest && subpath > n) {
            deepest_container = Some((reference, subpath));
        }
        if reference.property.is_some() {
            if !lineages.contains(&reference.path) {
                lineages.push(reference.path.clone());
            }
            if deepest_save_to.is_none_or(|(_, n)| in_deepest && subpath > n) {
                deepest_save_to = Some((reference, subpath));
            }
        }
    }
    // Every entity in the survey's references has one at least; the survey otherwise.
    let deepest_scope = deepest_scope.unwrap_or_else(Path::survey);
    let deepest_scope_path = deepest_scope_ref.map_or_else(Path::survey, |r| r.path.clone());
    let mut requested = match (deepest_save_to, deepest_container) {
        (Some((r, _)), _) | (None, Some((r, _))) => r.path.clone(),
        (None, None) => Path::survey(),
    };
    if let Some(first) = lineages.first() {
        let min = lineages.iter().map(|p| p.0.len()).min().unwrap_or(0);
        let mut common = first.prefix(min);
        if lineages.len() > 1 {
            // As pyxform: a later position that differs again gives the longer prefix.
            for i in 0..min {
                if lineages.iter().any(|p| p.0[i] != first.0[i]) {
                    common = first.prefix(i);
                }
            }
            let boundary = deepest_save_to
                .map(|(r, _)| r.path.scope_boundary())
                .unwrap_or_else(Path::survey);
            let key = |p: &Path| (p.boundary_count(), p.subpath_count());
            requested = if key(&common) > key(&boundary) {
                common
            } else {
                boundary
            };
        } else {
            requested = common;
        }
    }
    let requested_scope = requested.scope_boundary();
    for (reference, boundary) in &boundaries {
        // The reference's scope must be the deepest scope or one of its ancestors.
        if !deepest_scope.0.starts_with(&boundary.0) {
            return Err(scope_conflict(
                places,
                declarations,
                entity,
                reference,
                &deepest_scope_path,
            ));
        }
        if reference.property.is_some() && requested_scope != *boundary {
            return Err(scope_conflict(
                places,
                declarations,
                entity,
                reference,
                &requested,
            ));
        }
    }
    Ok(Request {
        scope: deepest_scope,
        dataset: entity.dataset.clone(),
        requested,
        row: entity.row,
        lineages,
    })
}

pub(super) fn scope_conflict(
    places: &Places,
    declarations: &[Declaration],
    entity: &EntityReferences,
    reference: &Reference,
    other: &Path,
) -> Problem {
    let dataset = &entity.dataset;
    let (scope, other) = (reference.path.text(), other.text());
    match (&reference.property, &reference.question) {
        (Some(_), _) => Problem::error(
            places.survey,
            Some(reference.row),
            Some(places.save_to),
            format!(
                "the entity list `{dataset}` is referred to in `{other}`, which is not \
                 compatible with this save_to in `{scope}`: the references and save_to of one \
                 entity must be in one repeat; check the list name in save_to, or copy the \
                 value into that repeat with a calculate and save that"
            ),
        ),
        (None, question) => {
            let question = question.as_deref().unwrap_or_default();
            let column = declarations
                .iter()
                .find(|d| d.dataset == *dataset)
                .and_then(|d| d.references.iter().find(|(q, _)| q == question))
                .map(|(_, h)| h.as_str());
            Problem::error(
                &places.entities.name,
                Some(entity.row),
                column,
                format!(
                    "the entity list `{dataset}` is referred to in `{other}`, which is not \
                     compatible with its reference to `${{{question}}}` in `{scope}`: the \
                     references and save_to of one entity must be in one repeat; check the \
                     references, or copy the value into that repeat with a calculate and refer \
                     to that"
                ),
            )
        }
    }
}

/// Gives every entity a container of its own, or the error for the first that finds none.
pub(super) fn allocate(
    places: &Places,
    declarations: &[Declaration],
    references: &[EntityReferences],
) -> Result<(), Problem> {
    let mut scopes: Vec<(Path, Vec<Request>)> = Vec::new();
    let mut add = |request: Request| match scopes.iter_mut().find(|(s, _)| *s == request.scope) {
        Some((_, requests)) => requests.push(request),
        None => scopes.push((request.scope.clone(), vec![request])),
    };
    for entity in references {
        add(request(places, declarations, entity)?);
    }
    for d in declarations {
        if !references.iter().any(|e| e.dataset == d.dataset) {
            add(Request {
                scope: Path::survey(),
                dataset: d.dataset.clone(),
                requested: Path::survey(),
                row: d.row,
                lineages: Vec::new(),
            });
        }
    }
    let mut allocations: Vec<(Path, String)> = Vec::new();
    let mut reserved: Vec<(Path, String)> = Vec::new();
    let get = |map: &Vec<(Path, String)>, path: &Path| {
        map.iter().find(|(p, _)| p == path).map(|(_, d)| d.clone())
    };
    let set = |map: &mut Vec<(Path, String)>, path: Path, dataset: &str| match map
        .iter_mut()
        .find(|(p, _)| *p == path)
    {
        Some((_, d)) => *d = dataset.to_string(),
        None => map.push((path, dataset.to_string())),
    };
    for (scope, requests) in &mut scopes {
        let limit = scope.0.len() - 1;
        requests.sort_by_key(|r| r.row);
        for request in requests.iter() {
            let mut conflict: Option<String> = None;
            for depth in (limit + 1..=request.requested.0.len()).rev() {
                let current = request.requested.prefix(depth);
                conflict = get(&allocations, &current).or_else(|| get(&reserved, &current));
                if conflict.is_some() {
                    let by_save_to = request.lineages.first().and_then(|l| get(&reserved, l));
                    if by_save_to.is_some() {
                        conflict = by_save_to;
                        break;
                    }
                } else {
                    set(&mut allocations, current.clone(), &request.dataset);
                    set(&mut reserved, current.clone(), &request.dataset);
                    for lineage in &request.lineages {
                        for i in (current.0.len()..=lineage.0.len()).rev() {
                            set(&mut reserved, lineage.prefix(i), &request.dataset);
                        }
                    }
                    break;
                }
            }
            if let Some(other) = conflict {
                let other_row = declarations
                    .iter()
                    .find(|d| d.dataset == other)
                    .map_or(0, |d| d.row);
                let header = declarations
                    .iter()
                    .find(|d| d.dataset == request.dataset)
                    .and_then(|d| d.name_header.clone());
                return Err(Problem::error(
                    &places.entities.name,
                    Some(request.row),
                    header.as_deref(),
                    format!(
                        "the entity list `{}` has no container of its own: each container \
                         (the survey, a group, a repeat) holds one entity at most, and in \
                         `{}` the one it can go in is taken by the entity list on row \
                         {other_row}; save its properties from (or refer to) questions in a \
                         group or repeat of their own",
                        request.dataset,
                        scope.text()
                    ),
                ));
            }
        }
    }
    Ok(())
}
