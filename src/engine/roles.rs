//! Which grammatical function of a trigger plays which role, per event type: the rules of
//! `data/roles.tsv`, parsed once.
//!
//! The grammar (subject, object, « par », « de », « contre »… complements, found by the event
//! stage) says how a phrase stands to its trigger; these rules say what that means for an
//! event of each type: the subject of « ont tué » is the killer, that of « ont été tués » or
//! « sont morts » the dead, the « de » complement of « reddition » who surrenders, and that of
//! « prise » what was lost. Rules apply in file order; a rule fills its role only while that
//! role is empty, unless it adds (`agent+`). Each rule carries an example sentence that a test
//! extracts.

use std::sync::LazyLock;

use super::data::DataError;
use super::record::EventType;

const ROLES: &str = include_str!("../../data/roles.tsv");
const FILE: &str = "data/roles.tsv";

/// The shape of the trigger a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A verb whose subject acts (« ont tué »).
    Active,
    /// A passive verb or a bare participle (« ont été tués », « Daech délogé de »).
    Passive,
    /// A verb whose subject undergoes the event (« sont morts », « ont perdu Raqqa »).
    Inverted,
    /// A noun (« la reprise », « des combats »).
    Noun,
}

/// How a phrase stands to a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    /// The subject of the verb (and what is coordinated with it).
    Subject,
    /// The direct object.
    Object,
    /// After « à », « au », « aux ».
    To,
    /// After « par ».
    By,
    /// After « de », « du », « des », or an actor beginning inside a noun trigger (« l'appui de
    /// l'aviation »).
    Of,
    /// After « avec ».
    With,
    /// After « contre », « sur », « face à ».
    Against,
    /// The first side of « entre X et Y », « opposer X à Y », « X et Y s'affrontent ».
    Between1,
    /// The second side of « entre X et Y », « opposer X à Y », « X et Y s'affrontent ».
    Between2,
    /// What a noun is laid at the door of (« une attaque attribuée à X »).
    Attributed,
    /// A demonym right after a noun (« le soutien aérien russe »).
    Demonym,
    /// The subject of a light verb governing the noun (« X a lancé une attaque »).
    LightSubject,
    /// The object of a verb of aiming whose subject is the noun (« l'attentat a visé X »).
    Aimed,
    /// Who undergoes a noun after « cible de », « confronté à », « subir ».
    Undergoer,
    /// Who a count of people includes (« neuf blessés dont quatre enfants »).
    Including,
    /// Among whom (« 14 morts dans les rangs des rebelles », « huit morts parmi les civils »).
    Among,
}

/// A condition on the phrase a rule takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// Any phrase.
    Any,
    /// An armed actor (not civilians, not a phrase that names no actor).
    Armed,
    /// Anything but an armed actor.
    Unarmed,
}

/// The role a rule fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Agent,
    Target,
}

/// One line of `data/roles.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub form: Form,
    /// The event types it applies to; empty for all.
    pub types: Vec<EventType>,
    pub function: Function,
    pub condition: Condition,
    pub role: Role,
    /// Whether it adds to a role already filled.
    pub adds: bool,
    /// A sentence in which the rule fills the role with the words in brackets.
    pub example: &'static str,
    /// Line number in the file, for messages.
    pub line: usize,
}

impl Rule {
    /// Whether the rule applies to a trigger of this form and type.
    pub fn applies(&self, form: Form, kind: EventType) -> bool {
        self.form == form && (self.types.is_empty() || self.types.contains(&kind))
    }
}

fn form(s: &str) -> Option<Form> {
    Some(match s {
        "active" => Form::Active,
        "passive" => Form::Passive,
        "inverted" => Form::Inverted,
        "noun" => Form::Noun,
        _ => return None,
    })
}

fn function(s: &str) -> Option<Function> {
    Some(match s {
        "subject" => Function::Subject,
        "object" => Function::Object,
        "to" => Function::To,
        "by" => Function::By,
        "of" => Function::Of,
        "with" => Function::With,
        "against" => Function::Against,
        "between1" => Function::Between1,
        "between2" => Function::Between2,
        "attributed" => Function::Attributed,
        "demonym" => Function::Demonym,
        "light_subject" => Function::LightSubject,
        "aimed" => Function::Aimed,
        "undergoer" => Function::Undergoer,
        "including" => Function::Including,
        "among" => Function::Among,
        _ => return None,
    })
}

fn condition(s: &str) -> Option<Condition> {
    Some(match s {
        "-" => Condition::Any,
        "armed" => Condition::Armed,
        "unarmed" => Condition::Unarmed,
        _ => return None,
    })
}

/// Parses rules in the format of `data/roles.tsv`; `file` names the source in errors.
pub fn parse(file: &'static str, data: &'static str) -> Result<Vec<Rule>, DataError> {
    let mut rules = Vec::new();
    for (index, line) in data.lines().enumerate() {
        let line_no = index + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let error = |message: String| DataError {
            file,
            line: line_no,
            message,
        };
        let cols: Vec<&'static str> = line.split('\t').collect();
        let [
            form_col,
            types_col,
            function_col,
            condition_col,
            role_col,
            example,
        ] = cols[..]
        else {
            return Err(error(format!(
                "expected 6 tab-separated columns (form, types, function, condition, role, example), found {}",
                cols.len()
            )));
        };
        let form = form(form_col).ok_or_else(|| error(format!("unknown form « {form_col} »")))?;
        let types = if types_col == "*" {
            Vec::new()
        } else {
            types_col
                .split(',')
                .map(|t| {
                    EventType::parse(t).ok_or_else(|| error(format!("unknown event type « {t} »")))
                })
                .collect::<Result<Vec<_>, _>>()?
        };
        let function = function(function_col)
            .ok_or_else(|| error(format!("unknown function « {function_col} »")))?;
        let condition = condition(condition_col)
            .ok_or_else(|| error(format!("unknown condition « {condition_col} »")))?;
        let (role, adds) = match role_col {
            "agent" => (Role::Agent, false),
            "agent+" => (Role::Agent, true),
            "target" => (Role::Target, false),
            "target+" => (Role::Target, true),
            _ => return Err(error(format!("unknown role « {role_col} »"))),
        };
        if !(example.contains('[') && example.contains(']')) {
            return Err(error(
                "the example must put the role's words in [brackets]".to_string(),
            ));
        }
        rules.push(Rule {
            form,
            types,
            function,
            condition,
            role,
            adds,
            example,
            line: line_no,
        });
    }
    Ok(rules)
}

/// The rules of `data/roles.tsv`, in file order. The file is checked by the tests, which name
/// the `file:line` of any line that cannot be read.
pub fn rules() -> &'static [Rule] {
    static RULES: LazyLock<Vec<Rule>> =
        LazyLock::new(|| parse(FILE, ROLES).unwrap_or_else(|e| panic!("{e}")));
    &RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rule_file_parses() {
        if let Err(e) = parse(FILE, ROLES) {
            panic!("{e}");
        }
        assert!(!rules().is_empty());
    }

    #[test]
    fn bad_lines_are_named_by_file_and_line() {
        let bad = "# comment\nnoun\t*\tof\t-\tagent\tLa [prise]\nnoun\tcapture\tsideways\t-\tagent\tx [y]\n";
        let e = parse("test.tsv", bad).unwrap_err();
        assert_eq!(e.to_string(), "test.tsv:3: unknown function « sideways »");
        let e = parse("test.tsv", "noun\tpillage\tof\t-\tagent\t[x]\n").unwrap_err();
        assert_eq!(e.to_string(), "test.tsv:1: unknown event type « pillage »");
        let e = parse("test.tsv", "noun\t*\tof\t-\tagent\n").unwrap_err();
        assert!(e.to_string().starts_with("test.tsv:1: expected 6"));
        let e = parse("test.tsv", "noun\t*\tof\t-\tagent\tno brackets\n").unwrap_err();
        assert!(e.to_string().contains("[brackets]"));
    }
}
