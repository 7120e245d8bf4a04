//! Where things are in a pack's text: a light structural reading of RON that records the
//! byte offset of every value, named field and list item.
//!
//! serde tells us *what* is wrong with a pack but not *where* a semantic problem (a duplicate
//! id, a repeated option) sits in the file. This index answers "where is question 17's
//! `answer.wrong[2]`?" so each problem points at the offending question, not at the file's top.

/// A value in the text, with the byte range it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Byte offset of the value's first character (its name, for `Name(..)`).
    pub start: usize,
    /// Byte offset just past the value's last character.
    pub end: usize,
    /// What kind of value it is.
    pub kind: NodeKind<'a>,
}

/// The shape of a [`Node`].
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind<'a> {
    /// `Name(field: value, ..)` or `(a, b)`: named fields and/or positional items.
    Group {
        /// Named fields, in the order written.
        fields: Vec<Field<'a>>,
        /// Positional items (tuples, `Some(x)`, newtype variants).
        items: Vec<Node<'a>>,
    },
    /// `[a, b, c]`.
    List(Vec<Node<'a>>),
    /// Anything else: a string, number, identifier or map.
    Atom,
}

/// A named field inside a [`NodeKind::Group`].
#[derive(Debug, Clone, PartialEq)]
pub struct Field<'a> {
    /// The field's name as written (borrowed from the text: no allocation per field).
    pub name: &'a str,
    /// The field's value.
    pub value: Node<'a>,
}

/// One step of a path into a [`Node`]: a field name or a list/tuple index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    /// A named field.
    Field(&'a str),
    /// The n-th item of a list or tuple.
    Index(usize),
}

impl<'a> Node<'a> {
    /// The value of the named field, if this is a group that has it.
    pub fn field(&self, name: &str) -> Option<&Node<'a>> {
        match &self.kind {
            NodeKind::Group { fields, .. } => fields.iter().find(|field| field.name == name).map(|field| &field.value),
            _ => None,
        }
    }

    /// The n-th item of a list, or positional item of a group.
    pub fn item(&self, index: usize) -> Option<&Node<'a>> {
        match &self.kind {
            NodeKind::List(items) | NodeKind::Group { items, .. } => items.get(index),
            NodeKind::Atom => None,
        }
    }

    /// The items of a list (empty for anything else).
    pub fn list_items(&self) -> &[Node<'a>] {
        match &self.kind {
            NodeKind::List(items) => items,
            _ => &[],
        }
    }

    /// Follows `path` as far as it goes and returns the deepest node reached, so a problem
    /// always has a position even when the text is shaped unexpectedly.
    pub fn locate(&self, path: &[Step]) -> &Node<'a> {
        let mut node = self;
        for step in path {
            let next = match step {
                Step::Field(name) => node.field(name),
                Step::Index(index) => node.item(*index),
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node
    }
}

/// Deepest nesting read before giving up, as `ron` does, so hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 128;

/// Reads the structure of RON `text`. `None` when the text is not well-formed enough to read
/// (unbalanced brackets, an unclosed string): the caller then reports `ron`'s own syntax error.
pub fn index(text: &str) -> Option<Node<'_>> {
    let mut reader = Reader { text, bytes: text.as_bytes(), pos: 0 };
    reader.skip_trivia_and_attributes();
    let node = reader.value(0)?;
    reader.skip_trivia();
    (reader.pos == reader.bytes.len()).then_some(node)
}

/// The offset of the value of the top-level field `name` (`id` of `Pack(id: .., ..)`), read
/// only as far as that field: it usually comes first, so this costs next to nothing.
pub fn top_field(text: &str, name: &str) -> Option<usize> {
    let mut reader = Reader { text, bytes: text.as_bytes(), pos: 0 };
    reader.skip_trivia_and_attributes();
    reader.word(); // the struct's name, if written
    reader.skip_trivia();
    reader.bytes.get(reader.pos).filter(|b| **b == b'(')?;
    loop {
        reader.pos += 1; // past `(` or `,`
        reader.skip_trivia();
        let start = reader.pos;
        reader.word();
        let field = text.get(start..reader.pos).filter(|field| !field.is_empty())?;
        reader.skip_trivia();
        reader.bytes.get(reader.pos).filter(|b| **b == b':')?;
        reader.pos += 1;
        reader.skip_trivia();
        if field == name {
            return Some(reader.pos);
        }
        reader.value(1)?;
        reader.skip_trivia();
        reader.bytes.get(reader.pos).filter(|b| **b == b',')?;
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(b) = self.peek() {
                        self.pos += 1;
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                Some(b'/') if self.bytes.get(self.pos + 1) == Some(&b'*') => {
                    // RON block comments nest.
                    self.pos += 2;
                    let mut depth = 1usize;
                    while depth > 0 {
                        match (self.peek(), self.bytes.get(self.pos + 1)) {
                            (None, _) => return,
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                self.pos += 2;
                            }
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips `#![enable(..)]` attributes, which may only stand before the value.
    fn skip_trivia_and_attributes(&mut self) {
        loop {
            self.skip_trivia();
            if self.bytes[self.pos..].starts_with(b"#!") {
                while let Some(b) = self.peek() {
                    self.pos += 1;
                    if b == b']' {
                        break;
                    }
                }
            } else {
                return;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_trivia();
        let start = self.pos;
        match self.peek()? {
            b'(' => self.group(start, depth),
            b'[' => {
                self.pos += 1;
                let items = self.sequence(b']', depth)?;
                Some(Node { start, end: self.pos, kind: NodeKind::List(items) })
            }
            b'{' => {
                self.pos += 1;
                // Maps hold `key: value` pairs; their inner positions are never needed.
                self.sequence_of_pairs(depth)?;
                Some(Node { start, end: self.pos, kind: NodeKind::Atom })
            }
            b'"' => {
                self.quoted(b'"')?;
                Some(Node { start, end: self.pos, kind: NodeKind::Atom })
            }
            b'\'' => {
                self.quoted(b'\'')?;
                Some(Node { start, end: self.pos, kind: NodeKind::Atom })
            }
            b'r' if matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.raw_string()?;
                Some(Node { start, end: self.pos, kind: NodeKind::Atom })
            }
            b'b' if matches!(self.bytes.get(self.pos + 1), Some(b'"')) => {
                self.pos += 1;
                self.quoted(b'"')?;
                Some(Node { start, end: self.pos, kind: NodeKind::Atom })
            }
            b if is_word_byte(b) => {
                self.word();
                let after_word = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.group(start, depth)
                } else {
                    self.pos = after_word;
                    Some(Node { start, end: self.pos, kind: NodeKind::Atom })
                }
            }
            _ => None,
        }
    }

    /// `( .. )`: named fields when the first thing inside is `name:`, positional items otherwise.
    fn group(&mut self, start: usize, depth: usize) -> Option<Node<'a>> {
        self.pos += 1; // '('
        let mut fields = Vec::new();
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            if self.peek()? == b')' {
                self.pos += 1;
                return Some(Node { start, end: self.pos, kind: NodeKind::Group { fields, items } });
            }
            let checkpoint = self.pos;
            let mut named = false;
            if self.peek().is_some_and(is_word_start) {
                self.word();
                let name_end = self.pos;
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    // Word bytes are ASCII or whole UTF-8 sequences, so this slice is on char bounds.
                    let name = self.text.get(checkpoint..name_end).unwrap_or_default();
                    let value = self.value(depth + 1)?;
                    fields.push(Field { name, value });
                    named = true;
                } else {
                    self.pos = checkpoint;
                }
            }
            if !named {
                items.push(self.value(depth + 1)?);
            }
            self.skip_trivia();
            match self.peek()? {
                b',' => self.pos += 1,
                b')' => {}
                _ => return None,
            }
        }
    }

    fn sequence(&mut self, close: u8, depth: usize) -> Option<Vec<Node<'a>>> {
        let mut items = Vec::new();
        loop {
            self.skip_trivia();
            if self.peek()? == close {
                self.pos += 1;
                return Some(items);
            }
            items.push(self.value(depth + 1)?);
            self.skip_trivia();
            match self.peek()? {
                b',' => self.pos += 1,
                b if b == close => {}
                _ => return None,
            }
        }
    }

    fn sequence_of_pairs(&mut self, depth: usize) -> Option<()> {
        loop {
            self.skip_trivia();
            if self.peek()? == b'}' {
                self.pos += 1;
                return Some(());
            }
            self.value(depth + 1)?;
            self.skip_trivia();
            if self.peek()? != b':' {
                return None;
            }
            self.pos += 1;
            self.value(depth + 1)?;
            self.skip_trivia();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {}
                _ => return None,
            }
        }
    }

    fn word(&mut self) {
        while self.peek().is_some_and(is_word_byte) {
            self.pos += 1;
        }
    }

    /// A string or char literal: from the opening `quote` past the closing one, with escapes.
    fn quoted(&mut self, quote: u8) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b if b == quote => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    fn raw_string(&mut self) -> Option<()> {
        self.pos += 1; // 'r'
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            if self.peek()? == b'"'
                && self.bytes[self.pos + 1..].iter().take(hashes).filter(|b| **b == b'#').count() == hashes
            {
                self.pos += 1 + hashes;
                return Some(());
            }
            self.pos += 1;
        }
    }
}

fn is_word_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_word_byte(b: u8) -> bool {
    // Numbers (`-1.5e3`, `0x1F`) read as words too: only their extent matters here.
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.') || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_unbalanced_text_without_panicking() {
        for text in ["Pack(", "[1, 2", "(a: \"unterminated)", "r#\"x\"", ")", "", "((((((("] {
            assert_eq!(index(text), None, "{text:?}");
        }
        let deep = "[".repeat(100_000);
        assert_eq!(index(&deep), None);
    }
}
